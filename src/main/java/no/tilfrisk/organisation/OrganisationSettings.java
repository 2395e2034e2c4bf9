package no.tilfrisk.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Choices each organisation makes for itself. A bean, so the settings page can bind it field by field. */
public class OrganisationSettings {

    private boolean nationalIdEnabled;

    private boolean requireSecondFactor = true;

    @NotNull(message = "{settings.retentionMonths.range}")
    @Min(value = 1, message = "{settings.retentionMonths.range}")
    @Max(value = 240, message = "{settings.retentionMonths.range}")
    private Integer retentionMonths;

    public OrganisationSettings() {
    }

    public OrganisationSettings(boolean nationalIdEnabled, Integer retentionMonths) {
        this(nationalIdEnabled, retentionMonths, true);
    }

    public OrganisationSettings(boolean nationalIdEnabled, Integer retentionMonths, boolean requireSecondFactor) {
        this.nationalIdEnabled = nationalIdEnabled;
        this.retentionMonths = retentionMonths;
        this.requireSecondFactor = requireSecondFactor;
    }

    public boolean isRequireSecondFactor() { return requireSecondFactor; }
    public void setRequireSecondFactor(boolean v) { requireSecondFactor = v; }

    public boolean isNationalIdEnabled() { return nationalIdEnabled; }
    public void setNationalIdEnabled(boolean v) { nationalIdEnabled = v; }
    public Integer getRetentionMonths() { return retentionMonths; }
    public void setRetentionMonths(Integer v) { retentionMonths = v; }

    public boolean nationalIdEnabled() {
        return nationalIdEnabled;
    }

    public int retentionMonths() {
        return retentionMonths;
    }
}

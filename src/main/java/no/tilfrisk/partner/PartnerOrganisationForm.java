package no.tilfrisk.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A partner organisation as the admin registers it: the name as persons consent to it, and its kind. */
public class PartnerOrganisationForm {

    @NotBlank(message = "{partner.name.required}")
    @Size(max = 200, message = "{partner.name.size}")
    private String name;

    @NotNull(message = "{partner.kind.required}")
    private PartnerKind kind;

    /** On a change (the API): on or off; null keeps it as it is. */
    private Boolean active;

    public PartnerOrganisationForm() {
    }

    public PartnerOrganisationForm(String name, PartnerKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public PartnerKind getKind() { return kind; }
    public void setKind(PartnerKind v) { kind = v; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean v) { active = v; }
}

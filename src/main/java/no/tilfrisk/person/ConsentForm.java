package no.tilfrisk.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A consent being recorded: the purpose, how it was given, and for some purposes whom it concerns (a relative, a
 * partner, a volunteer). */
public class ConsentForm {

    @NotNull(message = "{consent.purpose.required}")
    private ConsentPurpose purpose;

    @NotNull(message = "{consent.method.required}")
    private ConsentMethod method;

    private UUID relativeId;

    @Size(max = 200, message = "{consent.partner.size}")
    private String partner;

    /** The volunteer (a person) whom sharing with a volunteer names. */
    private UUID volunteerId;

    public ConsentForm() {
    }

    public ConsentForm(ConsentPurpose purpose, ConsentMethod method, UUID relativeId, String partner) {
        this.purpose = purpose;
        this.method = method;
        this.relativeId = relativeId;
        this.partner = partner;
    }

    /** Sharing with this volunteer. */
    public static ConsentForm shareWithVolunteer(ConsentMethod method, UUID volunteerId) {
        ConsentForm f = new ConsentForm(ConsentPurpose.SHARE_WITH_VOLUNTEER, method, null, null);
        f.volunteerId = volunteerId;
        return f;
    }

    public ConsentPurpose getPurpose() { return purpose; }
    public void setPurpose(ConsentPurpose v) { purpose = v; }
    public ConsentMethod getMethod() { return method; }
    public void setMethod(ConsentMethod v) { method = v; }
    public UUID getRelativeId() { return relativeId; }
    public void setRelativeId(UUID v) { relativeId = v; }
    public String getPartner() { return partner; }
    public void setPartner(String v) { partner = v; }
    public UUID getVolunteerId() { return volunteerId; }
    public void setVolunteerId(UUID v) { volunteerId = v; }
}

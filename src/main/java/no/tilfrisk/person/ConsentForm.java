package no.tilfrisk.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A consent being recorded: the purpose, how it was given, and for some purposes whom it concerns. */
public class ConsentForm {

    @NotNull(message = "{consent.purpose.required}")
    private ConsentPurpose purpose;

    @NotNull(message = "{consent.method.required}")
    private ConsentMethod method;

    private UUID relativeId;

    @Size(max = 200, message = "{consent.partner.size}")
    private String partner;

    public ConsentForm() {
    }

    public ConsentForm(ConsentPurpose purpose, ConsentMethod method, UUID relativeId, String partner) {
        this.purpose = purpose;
        this.method = method;
        this.relativeId = relativeId;
        this.partner = partner;
    }

    public ConsentPurpose getPurpose() { return purpose; }
    public void setPurpose(ConsentPurpose v) { purpose = v; }
    public ConsentMethod getMethod() { return method; }
    public void setMethod(ConsentMethod v) { method = v; }
    public UUID getRelativeId() { return relativeId; }
    public void setRelativeId(UUID v) { relativeId = v; }
    public String getPartner() { return partner; }
    public void setPartner(String v) { partner = v; }
}

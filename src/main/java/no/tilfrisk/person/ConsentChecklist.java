package no.tilfrisk.person;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Consents being recorded on the person's page in one go: the purposes ticked, how the consent was given (written,
 * oral, digital on Min side), and for involving a relative or sharing with a partner whom it concerns. A mutable
 * bean, so that a value that cannot be converted is a field error and the rest is kept.
 */
public class ConsentChecklist {

    @NotEmpty(message = "{consent.purposes.required}")
    private List<ConsentPurpose> purposes = new ArrayList<>();

    @NotNull(message = "{consent.method.required}")
    private ConsentMethod method;

    private UUID relativeId;

    @Size(max = 200, message = "{consent.partner.size}")
    private String partner;

    public List<ConsentPurpose> getPurposes() { return purposes; }
    public void setPurposes(List<ConsentPurpose> v) { purposes = v == null ? new ArrayList<>() : v; }
    public ConsentMethod getMethod() { return method; }
    public void setMethod(ConsentMethod v) { method = v; }
    public UUID getRelativeId() { return relativeId; }
    public void setRelativeId(UUID v) { relativeId = v; }
    public String getPartner() { return partner; }
    public void setPartner(String v) { partner = v; }
}

package no.tilfrisk.caregroup;

import java.util.UUID;

/**
 * A member being added: the kind, and for staff the account, for a partner the partner organisation, for a
 * relative the person; a role in free words («saksbehandler», «fastlege»).
 */
public class MemberForm {

    private MemberKind kind;
    private UUID userId;
    private UUID partnerId;
    private UUID relativeId;
    private String role;
    /** A staff member or coordinator gets an e-mail when a meeting is set. */
    private boolean notifyEmail;

    public MemberForm() {
    }

    public MemberForm(MemberKind kind, UUID userId, UUID partnerId, UUID relativeId, String role) {
        this.kind = kind;
        this.userId = userId;
        this.partnerId = partnerId;
        this.relativeId = relativeId;
        this.role = role;
    }

    public MemberKind getKind() { return kind; }
    public void setKind(MemberKind v) { kind = v; }
    public UUID getUserId() { return userId; }
    public void setUserId(UUID v) { userId = v; }
    public UUID getPartnerId() { return partnerId; }
    public void setPartnerId(UUID v) { partnerId = v; }
    public UUID getRelativeId() { return relativeId; }
    public void setRelativeId(UUID v) { relativeId = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public boolean isNotifyEmail() { return notifyEmail; }
    public void setNotifyEmail(boolean v) { notifyEmail = v; }
}

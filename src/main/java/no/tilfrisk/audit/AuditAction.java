package no.tilfrisk.audit;

/** What was done with a person's data. */
public enum AuditAction {
    READ,
    LIST,
    CREATE,
    UPDATE,
    DEACTIVATE,
    REACTIVATE,
    EXPORT,
    ERASE,
    CONSENT_GIVEN,
    CONSENT_WITHDRAWN
}

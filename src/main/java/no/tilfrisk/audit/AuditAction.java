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
    CONSENT_WITHDRAWN,
    /** Written by a spreadsheet import (module importer); {@code what} names the import batch, and so the file. */
    IMPORT,
    /** An import taken back. */
    IMPORT_UNDONE
}

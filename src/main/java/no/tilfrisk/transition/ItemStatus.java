package no.tilfrisk.transition;

/** A checklist item's status; {@link #IN_PLACE} and {@link #NOT_NEEDED} count as ready. */
public enum ItemStatus {
    NOT_STARTED, IN_PROGRESS, IN_PLACE, NOT_NEEDED;

    public boolean ready() {
        return this == IN_PLACE || this == NOT_NEEDED;
    }
}

package no.tilfrisk.transition;

/** What a partner or the person may change on an item they answer for: the status and the note. */
public record ItemUpdate(ItemStatus status, String note) {
}

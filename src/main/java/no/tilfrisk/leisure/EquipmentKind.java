package no.tilfrisk.leisure;

/** What kind of equipment an item is. */
public enum EquipmentKind {
    SPORT,
    OUTDOOR,
    MUSIC,
    PHOTO,
    CLOTHING,
    OTHER
}

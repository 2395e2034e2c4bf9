package no.tilfrisk.followup;

/** Where a staff member went with the participant («følge til møte»). */
public enum EscortKind {
    NAV,
    DOCTOR,
    HOUSING,
    OTHER
}

package no.tilfrisk.volunteer;

/** The steps every volunteer goes through before a match; each has a message {@code volunteer.screening.step.<NAME>}. */
public enum ScreeningStep {
    POLICE_CERTIFICATE,
    CONFIDENTIALITY,
    TRAINING,
    INTERVIEW
}

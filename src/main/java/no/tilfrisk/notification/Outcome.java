package no.tilfrisk.notification;

/** What became of a notice. Only {@link #SENT} left Tilfrisk; the others sent nothing. */
public enum Outcome {
    SENT,
    /** A notice with this id went out before (a job run twice, a double click): nothing is sent again. */
    ALREADY_SENT,
    /** The participant has not consented to this channel (or withdrew): nothing is sent. */
    NO_CONSENT,
    /** No e-mail or phone to send to, or the account is inactive. */
    NO_ADDRESS,
    /** No mail server or SMS provider is configured (e-mail without {@code spring.mail.host}). */
    NOT_CONFIGURED,
    /** The mail server or SMS provider refused; logged as failed, and the same id may be tried again. */
    FAILED
}

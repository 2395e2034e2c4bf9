package no.tilfrisk.notification;

/** How a notice travels. A participant gets one only with consent to the channel. */
public enum Channel {
    EMAIL,
    SMS
}

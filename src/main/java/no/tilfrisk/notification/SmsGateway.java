package no.tilfrisk.notification;

/**
 * Sends one SMS. The default logs that a message would go out (never its text); set
 * {@code tilfrisk.sms.provider=http} and {@code tilfrisk.sms.http.*} for a provider's HTTP interface
 * ({@code internal/HttpSmsGateway}).
 */
public interface SmsGateway {

    /** Sends the text to the phone number; throws {@link SmsException} when the provider refuses. */
    void send(String phone, String text);

    /** Whether messages really leave Tilfrisk (false for the logging gateway). */
    boolean delivers();

    /** The provider refused or could not be reached. */
    class SmsException extends RuntimeException {
        public SmsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

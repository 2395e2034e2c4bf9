package no.tilfrisk.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The one way Tilfrisk sends e-mail: plain text through Spring Mail, from {@code tilfrisk.mail.from}, when
 * {@code spring.mail.host} is set. The invitations to «Min side» and {@link Notifications} both use it.
 */
@Component
public class Email {

    private final JavaMailSender sender;
    private final String from;

    @Autowired
    Email(ObjectProvider<JavaMailSender> sender, @Value("${tilfrisk.mail.from:ikke-svar@tilfrisk.no}") String from) {
        this(sender.getIfAvailable(), from);
    }

    /** For a test with its own SMTP server; {@code sender} may be null (no mail server). */
    public Email(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether a mail server is configured. */
    public boolean canSend() {
        return sender != null;
    }

    /**
     * Sends one plain-text e-mail; returns false without a mail server. A server that refuses throws
     * {@link MailException}, for the caller to turn into a message or a failed notice.
     */
    public boolean send(String to, String subject, String text) {
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
        return true;
    }
}

package no.tilfrisk.portal.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.tilfrisk.notification.Email;
import no.tilfrisk.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends the invitation link by e-mail through the notification module's {@link Email} (Spring Mail, when
 * {@code spring.mail.host} is set). In demo mode the
 * link is also logged and shown to the one who invited, so the demo works without a mail server.
 */
@Component
public class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Oslo"));

    private final Email email;
    private final MessageSource messages;
    private final boolean demo;

    @Autowired
    public InvitationMail(Email email, MessageSource messages, @Value("${tilfrisk.demo.enabled:false}") boolean demo) {
        this.email = email;
        this.messages = messages;
        this.demo = demo;
    }

    public boolean canSend() {
        return email.canSend();
    }

    /** Whether the link may be shown on screen and written to the log: only in demo mode. */
    public boolean mayShowLink() {
        return demo;
    }

    /**
     * Sends the link; returns whether an e-mail went out. A mail server that refuses is an error the caller
     * turns into a message (and a rolled-back invitation), not a silent loss.
     */
    public boolean send(String to, String link, Instant expires, Locale locale) {
        if (demo) {
            log.info("Invitation to Min side for {}: {}", to, link);
        }
        try {
            return email.send(to, messages.getMessage("invitation.mail.subject", null, locale),
                    messages.getMessage("invitation.mail.body", new Object[] {link, WHEN.format(expires)}, locale));
        } catch (MailException e) {
            log.warn("Could not send an invitation e-mail: {}", e.getMessage());
            throw new InvalidInputException("email", "invitation.mail.failed");
        }
    }
}

package no.tilfrisk.portal.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.tilfrisk.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the invitation link by e-mail through Spring Mail, when {@code spring.mail.host} is set. In demo mode the
 * link is also logged and shown to the one who invited, so the demo works without a mail server.
 */
@Component
public class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Oslo"));

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final boolean demo;
    private final String from;

    @Autowired
    InvitationMail(ObjectProvider<JavaMailSender> sender, MessageSource messages,
                   @Value("${tilfrisk.demo.enabled:false}") boolean demo,
                   @Value("${tilfrisk.mail.from:ikke-svar@tilfrisk.no}") String from) {
        this(sender.getIfAvailable(), messages, demo, from);
    }

    public InvitationMail(JavaMailSender sender, MessageSource messages, boolean demo, String from) {
        this.sender = sender;
        this.messages = messages;
        this.demo = demo;
        this.from = from;
    }

    public boolean canSend() {
        return sender != null;
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
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("invitation.mail.subject", null, locale));
        message.setText(messages.getMessage("invitation.mail.body", new Object[] {link, WHEN.format(expires)}, locale));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not send an invitation e-mail: {}", e.getMessage());
            throw new InvalidInputException("email", "invitation.mail.failed");
        }
    }
}

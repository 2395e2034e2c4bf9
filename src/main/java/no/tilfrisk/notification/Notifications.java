package no.tilfrisk.notification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail and SMS notices (issue 17, item 6), for every module that needs them.
 *
 * <ul>
 * <li>To a participant only with consent to the channel ({@link ConsentPurpose#CONTACT_EMAIL},
 * {@link ConsentPurpose#CONTACT_SMS}), read at the moment of sending, so a withdrawal stops the next notice.</li>
 * <li>The wording is a fixed {@code notification.*} text ({@link Notice}), never what the matter is about.</li>
 * <li>Every notice that goes out is in {@code notification_log} (to whom, when, channel, kind, address; no text) and,
 * for a participant, in the audit trail. The caller gives the notice's id: the same id sends nothing twice, however
 * often or on however many nodes it is asked; one that failed may be tried again.</li>
 * </ul>
 * The calling module checks its own right to the person or account first; this service only keeps to the
 * organisation.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient db;
    private final ConsentCheck consents;
    private final PersonLookup persons;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Email email;
    private final SmsGateway sms;
    private final MessageSource messages;

    public Notifications(JdbcClient db, ConsentCheck consents, PersonLookup persons, UserAccounts users,
                         AuditTrail audit, Email email, SmsGateway sms, MessageSource messages) {
        this.db = db;
        this.consents = consents;
        this.persons = persons;
        this.users = users;
        this.audit = audit;
        this.email = email;
        this.sms = sms;
        this.messages = messages;
    }

    /** Whether the participant has consented to notices by this channel now. */
    @Transactional(readOnly = true)
    public boolean mayNotify(UUID personId, Channel channel) {
        return consents.isGiven(personId, purpose(channel));
    }

    /**
     * Sends a notice to a participant by e-mail or SMS, if they have consented to that channel and have an address
     * for it. «Not found» if the person is not the organisation's.
     */
    @Transactional
    public Outcome toPerson(UUID id, UUID personId, Channel channel, Notice notice, Locale locale) {
        persons.requireOurs(personId);
        if (!consents.isGiven(personId, purpose(channel))) {
            return Outcome.NO_CONSENT;
        }
        var reachable = persons.reachable(personId).orElseThrow();
        String address = channel == Channel.EMAIL ? reachable.email() : reachable.phone();
        if (address == null || address.isBlank()) {
            return Outcome.NO_ADDRESS;
        }
        if (channel == Channel.EMAIL && !email.canSend()) {
            return Outcome.NOT_CONFIGURED;
        }
        if (!claim(id, personId, null, channel, notice.kind(), address)) {
            return Outcome.ALREADY_SENT;
        }
        audit.record(personId, AuditAction.READ, "notification." + channel.name().toLowerCase(Locale.ROOT));
        return deliver(id, channel, address, notice, locale);
    }

    /** Sends a notice by e-mail to a user account of the organisation (a staff member who chose such notices). */
    @Transactional
    public Outcome toUser(UUID id, UUID userId, Notice notice, Locale locale) {
        Optional<String> address = users.emailOf(userId);
        if (address.isEmpty()) {
            return Outcome.NO_ADDRESS;
        }
        if (!email.canSend()) {
            return Outcome.NOT_CONFIGURED;
        }
        if (!claim(id, null, userId, Channel.EMAIL, notice.kind(), address.get())) {
            return Outcome.ALREADY_SENT;
        }
        return deliver(id, Channel.EMAIL, address.get(), notice, locale);
    }

    /** The notices sent to a participant, newest first. The caller checks its right to the person. */
    @Transactional
    public List<SentNotice> sentTo(UUID personId) {
        persons.requireOurs(personId);
        audit.record(personId, AuditAction.READ, "notification.log");
        return db.sql(SELECT + " WHERE organisation_id = ? AND person_id = ? ORDER BY sent_at DESC, id")
                .params(Tenancy.requireOrganisationId(), personId).query(SentNotice.class).list();
    }

    /** The notices sent to a user account, newest first. */
    @Transactional(readOnly = true)
    public List<SentNotice> sentToUser(UUID userId) {
        return db.sql(SELECT + " WHERE organisation_id = ? AND user_id = ? ORDER BY sent_at DESC, id")
                .params(Tenancy.requireOrganisationId(), userId).query(SentNotice.class).list();
    }

    /**
     * Takes the notice's id in the log: a new id, or one whose earlier attempt failed. Under the primary key a second
     * node asking at the same moment waits for the first and then finds the id taken.
     */
    private boolean claim(UUID id, UUID personId, UUID userId, Channel channel, String kind, String address) {
        return db.sql("""
                        INSERT INTO notification_log (id, organisation_id, person_id, user_id, channel, kind, recipient,
                                                      outcome, sent_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'SENDING', ?)
                        ON CONFLICT (id) DO UPDATE SET outcome = 'SENDING', sent_at = now(), sent_by = EXCLUDED.sent_by,
                                                       recipient = EXCLUDED.recipient
                         WHERE notification_log.outcome = 'FAILED'""")
                .params(id, Tenancy.requireOrganisationId(), personId, userId, channel.name(), kind, address,
                        Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update() > 0;
    }

    private Outcome deliver(UUID id, Channel channel, String address, Notice notice, Locale locale) {
        String text = messages.getMessage(notice.textKey(), notice.args().toArray(), locale);
        Outcome outcome;
        try {
            if (channel == Channel.EMAIL) {
                email.send(address, messages.getMessage(notice.subjectKey(), notice.args().toArray(), locale), text);
            } else {
                sms.send(address, text);
            }
            outcome = Outcome.SENT;
        } catch (MailException | SmsGateway.SmsException e) {
            log.warn("Could not send a {} notice of kind {}: {}", channel, notice.kind(), e.getMessage());
            outcome = Outcome.FAILED;
        }
        db.sql("UPDATE notification_log SET outcome = ? WHERE id = ?")
                .params(outcome == Outcome.SENT ? "SENT" : "FAILED", id).update();
        return outcome;
    }

    private static ConsentPurpose purpose(Channel channel) {
        return channel == Channel.EMAIL ? ConsentPurpose.CONTACT_EMAIL : ConsentPurpose.CONTACT_SMS;
    }

    private static final String SELECT = """
            SELECT id, person_id, user_id, channel, kind, recipient, outcome, sent_at FROM notification_log""";
}

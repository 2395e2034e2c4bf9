package no.tilfrisk.portal.internal;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to «Min side»: staff with access to a participant send a one-time link by e-mail; the participant
 * follows it within 72 hours, chooses a password, and has an account of their own, linked to their person, with
 * the role PARTICIPANT and nothing else. Only a hash of the link's token is stored.
 */
@Service
public class Invitations {

    public static final Duration VALID_FOR = Duration.ofHours(72);
    /** A second «send» within this time is the same click arriving twice, not a new invitation. */
    static final Duration SAME_CLICK = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What was sent. {@code link} is given back only when it may be shown on screen (demo mode), and is null for
     * a repeated click, whose link went out the first time.
     */
    public record Sent(String email, Instant expiresAt, boolean mailed, String link, boolean repeated)
            implements Serializable {
    }

    /** What the one who follows a link sees before choosing a password. */
    public record Pending(String displayName, String email, Instant expiresAt) {
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final PersonLookup persons;
    private final ConsentCheck consents;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final InvitationMail mail;
    private final Clock clock;

    Invitations(JdbcClient db, TransactionTemplate tx, PersonLookup persons, ConsentCheck consents,
                UserAccounts users, AuditTrail audit, InvitationMail mail, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.tx = tx;
        this.persons = persons;
        this.consents = consents;
        this.users = users;
        this.audit = audit;
        this.mail = mail;
    }

    /**
     * Invites a participant the caller may see. The person must be a current participant without an account,
     * with consent to contact by e-mail, and the address must not sign in anywhere yet. A new invitation revokes
     * the one before. The e-mail goes out inside the transaction: if it cannot be sent, nothing is saved.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Sent invite(UUID personId, InvitationForm form, String baseUrl, Locale locale) {
        persons.requireVisible(personId);
        String email = form.getEmail().strip().toLowerCase(Locale.ROOT);
        Optional<Sent> sameClick = db.sql("""
                        SELECT email, expires_at FROM portal_invitation
                         WHERE person_id = ? AND organisation_id = ? AND accepted_at IS NULL AND revoked_at IS NULL
                           AND email = ? AND created_at > now() - make_interval(secs => ?)""")
                .params(personId, Tenancy.requireOrganisationId(), email, SAME_CLICK.toSeconds())
                .query((rs, i) -> new Sent(rs.getString(1), rs.getTimestamp(2).toInstant(), mail.canSend(), null, true))
                .optional();
        if (sameClick.isPresent()) {
            return sameClick.get();
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (!persons.hasCurrentRole(personId, PersonRole.PARTICIPANT)) {
            broken.add(new InvalidInputException("email", "invitation.notParticipant"));
        }
        if (users.accountOf(personId).isPresent()) {
            broken.add(new InvalidInputException("email", "invitation.hasAccount"));
        }
        if (!consents.isGiven(personId, ConsentPurpose.CONTACT_EMAIL)) {
            broken.add(new InvalidInputException("email", "invitation.noConsent"));
        }
        if (users.isEmailInUse(email)) {
            broken.add(new InvalidInputException("email", "invitation.email.taken"));
        }
        if (!mail.canSend() && !mail.mayShowLink()) {
            broken.add(new InvalidInputException("email", "invitation.mail.notConfigured"));
        }
        InvalidInputException.throwIfAny(broken);

        db.sql("""
                        UPDATE portal_invitation SET revoked_at = now()
                         WHERE person_id = ? AND organisation_id = ? AND accepted_at IS NULL AND revoked_at IS NULL""")
                .params(personId, Tenancy.requireOrganisationId()).update();
        String token = newToken();
        Instant expires = clock.instant().plus(VALID_FOR);
        db.sql("""
                        INSERT INTO portal_invitation (id, organisation_id, person_id, email, token_hash, created_by, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), personId, email, hash(token),
                        Tenancy.currentPrincipal().orElseThrow().userId(), Timestamp.from(expires))
                .update();
        audit.record(personId, AuditAction.CREATE, "portal.invitation");
        String link = baseUrl + "/invitation/" + token;
        boolean mailed = mail.send(email, link, expires, locale);
        return new Sent(email, expires, mailed, mail.mayShowLink() ? link : null, false);
    }

    /** The invitation behind a link, while it is live: not used, not revoked, not expired. */
    public Optional<Pending> find(String token) {
        return owner(token).map(owner -> Tenancy.runAs(owner.organisationId(), () -> tx.execute(status -> {
            Live live = live(owner.invitationId(), false);
            PersonName name = persons.names(List.of(live.personId())).get(live.personId());
            return new Pending(name == null ? "" : name.displayName(), live.email(), live.expiresAt());
        })));
    }

    private record Live(UUID personId, String email, Instant expiresAt) {
    }

    private Live live(UUID invitationId, boolean lock) {
        return db.sql("""
                        SELECT person_id, email, expires_at FROM portal_invitation
                         WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                        """ + (lock ? " FOR UPDATE" : ""))
                .param(invitationId)
                .query((rs, i) -> new Live(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new InvalidInputException("password", "invitation.gone"));
    }

    /**
     * Makes the participant's account from a live invitation and the password they chose; the link cannot be
     * used again. Returns the e-mail address to sign in with, or nothing when the link is not live (any more).
     */
    public Optional<String> accept(String token, PasswordForm form) {
        if (form.getPassword() != null && !form.getPassword().equals(form.getRepeat())) {
            throw new InvalidInputException("repeat", "invitation.password.repeat");
        }
        return owner(token).map(owner -> Tenancy.runAs(owner.organisationId(), () -> tx.execute(status -> {
            Live invitation = live(owner.invitationId(), true);
            UUID personId = invitation.personId();
            String email = invitation.email();
            if (users.accountOf(personId).isPresent()) {
                throw new InvalidInputException("password", "invitation.hasAccount");
            }
            PersonName name = persons.names(List.of(personId)).get(personId);
            if (name == null) {
                throw new InvalidInputException("password", "invitation.gone");
            }
            UUID userId;
            try {
                userId = users.register(new UserForm(email, name.displayName(), Set.of(Role.PARTICIPANT), Set.of()),
                        form.getPassword());
            } catch (InvalidInputException taken) {
                throw new InvalidInputException("password", "invitation.email.taken");
            }
            users.linkPerson(userId, personId);
            db.sql("UPDATE portal_invitation SET accepted_at = now(), accepted_user_id = ? WHERE id = ?")
                    .params(userId, owner.invitationId()).update();
            audit.record(personId, AuditAction.CREATE, "portal.account");
            return email;
        })));
    }

    private record Owner(UUID organisationId, UUID invitationId) {
    }

    private Optional<Owner> owner(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return db.sql("SELECT organisation_id, invitation_id FROM portal_invitation_lookup(?)")
                .param(hash(token))
                .query((rs, i) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

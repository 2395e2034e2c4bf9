package no.tilfrisk.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals from a person's page to an offer of the directory, by staff who may see the person. Where the offer
 * is not low threshold (it takes people by referral, so by name), the person's consent to give their name to it
 * must be recorded with the referral. Every read and write is in the audit trail.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Referrals {

    private final JdbcClient db;
    private final PersonLookup persons;
    private final Offers offers;
    private final AuditTrail audit;
    private final Clock clock;

    Referrals(JdbcClient db, PersonLookup persons, Offers offers, AuditTrail audit, Clock clock) {
        this.db = db;
        this.persons = persons;
        this.offers = offers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UUID refer(UUID id, UUID personId, ReferralForm form) {
        persons.requireVisible(personId);
        List<InvalidInputException> broken = new java.util.ArrayList<>();
        Offer offer = null;
        if (form.getOfferId() == null) {
            broken.add(new InvalidInputException("offerId", "directory.error.required"));
        } else {
            try {
                offer = offers.get(form.getOfferId());
            } catch (NotFoundException e) {
                broken.add(new InvalidInputException("offerId", "directory.error.required"));
            }
        }
        LocalDate on = form.getReferredOn() == null ? LocalDate.now(clock) : form.getReferredOn();
        if (on.isAfter(LocalDate.now(clock))) {
            broken.add(new InvalidInputException("referredOn", "directory.error.future"));
        }
        String reason = Text.blankToNull(form.getReason());
        if (reason != null && reason.length() > 1000) {
            broken.add(new InvalidInputException("reason", "directory.error.tooLong", 1000));
        }
        if (offer != null && !Boolean.TRUE.equals(offer.lowThreshold()) && !form.isConsentToShare()) {
            broken.add(new InvalidInputException("consentToShare", "directory.error.consentNeeded"));
        }
        InvalidInputException.throwIfAny(broken);
        int added = db.sql("""
                        INSERT INTO referral (id, organisation_id, person_id, offer_id, referred_on, reason, consent_to_share, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, form.getOfferId(), on, reason,
                        form.isConsentToShare(), Tenancy.currentPrincipal().map(p -> p.userId()).orElse(null))
                .update();
        if (added == 1) {
            audit.record(personId, AuditAction.CREATE, "directory.referral");
        }
        return id;
    }

    @Transactional
    public void outcome(UUID personId, UUID referralId, ReferralOutcome outcome) {
        persons.requireVisible(personId);
        int changed = db.sql("UPDATE referral SET outcome = ?, outcome_on = ? WHERE id = ? AND person_id = ? AND organisation_id = ?")
                .params(outcome == null ? null : outcome.name(), outcome == null ? null : LocalDate.now(clock),
                        referralId, personId, Tenancy.requireOrganisationId())
                .update();
        if (changed == 0) {
            throw new NotFoundException("referral");
        }
        audit.record(personId, AuditAction.UPDATE, "directory.referral");
    }

    @Transactional
    public List<Referral> forPerson(UUID personId) {
        persons.requireVisible(personId);
        audit.record(personId, AuditAction.READ, "directory.referral");
        return records(personId);
    }

    /** Without rights checks or audit: for the person module's timeline and export, which do both. */
    List<Referral> records(UUID personId) {
        return db.sql("""
                        SELECT r.id, r.person_id, r.offer_id, o.name, r.referred_on, r.reason, r.consent_to_share,
                               r.outcome, r.outcome_on
                          FROM referral r LEFT JOIN offer o ON o.id = r.offer_id
                         WHERE r.person_id = ? AND r.organisation_id = ?
                         ORDER BY r.referred_on DESC, r.created_at DESC LIMIT 500""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new Referral(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), Optional.ofNullable(rs.getString(4)).orElse("–"),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7),
                        rs.getString(8) == null ? null : ReferralOutcome.valueOf(rs.getString(8)),
                        rs.getObject(9, LocalDate.class)))
                .list();
    }

    /** The organisation's referrals made in the period, counted for the annual report (no person named). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public ReferralFigures figures(LocalDate from, LocalDate to) {
        return db.sql("""
                        WITH made AS (
                            SELECT person_id, outcome, referred_on, created_at FROM referral
                             WHERE organisation_id = :org AND referred_on BETWEEN :from AND :to),
                        latest AS (
                            SELECT DISTINCT ON (person_id) person_id, outcome FROM made
                             ORDER BY person_id, referred_on DESC, created_at DESC)
                        SELECT (SELECT count(*) FROM made), (SELECT count(*) FROM latest),
                               count(*) FILTER (WHERE outcome = 'STARTED'), count(*) FILTER (WHERE outcome = 'DID_NOT_START'),
                               count(*) FILTER (WHERE outcome = 'WAITING'), count(*) FILTER (WHERE outcome IS NULL)
                          FROM latest""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .query((rs, i) -> new ReferralFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .single();
    }
}

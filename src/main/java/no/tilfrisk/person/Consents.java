package no.tilfrisk.person;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purpose-bound consents. A withdrawal takes effect at once: {@link ConsentCheck} reads the table, nothing
 * caches it.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Consents {

    private final JdbcClient db;
    private final List<PartnerRegister> partnerRegisters;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonRecords records;

    Consents(JdbcClient db, PersonAccess access, AuditTrail audit, PersonRecords records,
             List<PartnerRegister> partnerRegisters) {
        this.partnerRegisters = partnerRegisters;
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.records = records;
    }

    /**
     * The names the consent to share with a partner may name, from the partner register: name → active (the form
     * offers the active ones). Empty without a register, and then the name is free text as before.
     */
    @Transactional(readOnly = true)
    public Map<String, Boolean> partnerNames() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        partnerRegisters.forEach(r -> names.putAll(r.names()));
        return names;
    }

    @Transactional
    public List<Consent> of(UUID personId) {
        access.require(personId);
        audit.record(personId, AuditAction.READ, "person.consents");
        return records.consents(personId);
    }

    @Transactional
    public Consent give(UUID personId, ConsentForm form) {
        access.require(personId);
        if (form.getPurpose() == ConsentPurpose.INVOLVE_RELATIVE) {
            if (form.getRelativeId() == null) {
                throw new InvalidInputException("relativeId", "consent.relative.required");
            }
            access.require(form.getRelativeId());
        }
        if (form.getPurpose() == ConsentPurpose.SHARE_WITH_PARTNER
                && (form.getPartner() == null || form.getPartner().isBlank())) {
            throw new InvalidInputException("partner", "consent.partner.required");
        }
        UUID volunteer = form.getPurpose() == ConsentPurpose.SHARE_WITH_VOLUNTEER ? form.getVolunteerId() : null;
        if (form.getPurpose() == ConsentPurpose.SHARE_WITH_VOLUNTEER && !isOurs(volunteer)) {
            throw new InvalidInputException("volunteerId", "consent.volunteer.required");
        }
        UUID relative = form.getPurpose() == ConsentPurpose.INVOLVE_RELATIVE ? form.getRelativeId() : null;
        String partner = form.getPurpose() == ConsentPurpose.SHARE_WITH_PARTNER ? form.getPartner().strip() : null;
        record(UUID.randomUUID(), personId, form.getPurpose(), form.getMethod(), relative, partner, volunteer);
        return records.consents(personId).stream()
                .filter(c -> c.active() && c.purpose() == form.getPurpose() && Objects.equals(c.relativeId(), relative)
                        && Objects.equals(c.volunteerId(), volunteer)
                        && (partner == null || partner.equalsIgnoreCase(c.partner())))
                .findFirst().orElseThrow();
    }

    /**
     * The participant's own yes on «Min side» to share with this volunteer (given digitally). The calling module has
     * established that {@code personId} is the signed-in participant's own person and that they are matched with
     * the volunteer. A yes in force already changes nothing.
     */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public void shareWithVolunteerAsSelf(UUID personId, UUID volunteerId) {
        if (!isOurs(volunteerId)) {
            throw new NotFoundException("Person");
        }
        record(UUID.randomUUID(), personId, ConsentPurpose.SHARE_WITH_VOLUNTEER, ConsentMethod.SELF_SERVICE, null,
                null, volunteerId);
    }

    /**
     * The participant withdraws on «Min side» their consent to share with this volunteer, on the same terms as
     * {@link #shareWithVolunteerAsSelf}; with none in force nothing changes. Returns whether one was withdrawn.
     */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public boolean stopSharingWithVolunteerAsSelf(UUID personId, UUID volunteerId) {
        int withdrawn = db.sql("""
                        UPDATE consent SET withdrawn_at = now(), withdrawn_by = ?, withdrawal_method = 'SELF_SERVICE'
                         WHERE person_id = ? AND organisation_id = ? AND purpose = 'SHARE_WITH_VOLUNTEER'
                           AND volunteer_id = ? AND withdrawn_at IS NULL""")
                .params(PersonAccess.caller().userId(), personId, Tenancy.requireOrganisationId(), volunteerId)
                .update();
        if (withdrawn > 0) {
            records.touch(personId);
            audit.record(personId, AuditAction.CONSENT_WITHDRAWN, "person.consent.share_with_volunteer");
        }
        return withdrawn > 0;
    }

    private boolean isOurs(UUID personId) {
        return personId != null && db.sql("""
                        SELECT EXISTS (SELECT 1 FROM person WHERE id = ? AND organisation_id = ? AND erased_at IS NULL)""")
                .params(personId, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    /**
     * Records every purpose ticked on the person's page, all or none. Each consent's id comes from the form's id and
     * the purpose, so a form sent twice records nothing twice; a purpose already in force stays as it is. Returns how
     * many consents were recorded now.
     */
    @Transactional
    public int giveAll(UUID formId, UUID personId, ConsentChecklist form) {
        access.require(personId);
        List<ConsentPurpose> purposes = form.getPurposes().stream().filter(Objects::nonNull).distinct().sorted().toList();
        List<InvalidInputException> broken = new ArrayList<>();
        if (purposes.isEmpty()) {
            broken.add(new InvalidInputException("purposes", "consent.purposes.required"));
        }
        if (form.getMethod() == null) {
            broken.add(new InvalidInputException("method", "consent.method.required"));
        }
        boolean relative = purposes.contains(ConsentPurpose.INVOLVE_RELATIVE);
        if (relative && form.getRelativeId() == null) {
            broken.add(new InvalidInputException("relativeId", "consent.relative.required"));
        }
        if (purposes.contains(ConsentPurpose.SHARE_WITH_VOLUNTEER)) {
            broken.add(new InvalidInputException("purposes", "consent.volunteer.onMatch"));
        }
        boolean sharing = purposes.contains(ConsentPurpose.SHARE_WITH_PARTNER);
        if (sharing && (form.getPartner() == null || form.getPartner().isBlank())) {
            broken.add(new InvalidInputException("partner", "consent.partner.required"));
        }
        String partner = null;
        if (sharing && form.getPartner() != null && !form.getPartner().isBlank()) {
            // one of the register's names, as the register writes it; free text only where there is no register
            Map<String, Boolean> names = partnerNames();
            partner = names.isEmpty() ? form.getPartner().strip() : names.keySet().stream()
                    .filter(n -> n.equalsIgnoreCase(form.getPartner().strip())).findFirst().orElse(null);
            if (partner == null) {
                broken.add(new InvalidInputException("partner", "consent.partner.unknown"));
            }
        }
        InvalidInputException.throwIfAny(broken);
        if (relative && records.relatives(personId).stream().noneMatch(r -> r.personId().equals(form.getRelativeId()))) {
            throw new InvalidInputException("relativeId", "consent.relative.required");
        }
        int given = 0;
        for (ConsentPurpose purpose : purposes) {
            given += record(idOf(formId, purpose), personId, purpose, form.getMethod(),
                    purpose == ConsentPurpose.INVOLVE_RELATIVE ? form.getRelativeId() : null,
                    purpose == ConsentPurpose.SHARE_WITH_PARTNER ? partner : null, null) ? 1 : 0;
        }
        return given;
    }

    /**
     * The purposes ticked at registration, checked before anything is saved: how the consent was given must be said,
     * and involving a relative or sharing with a partner names someone, so those are given on the person's page.
     */
    static List<ConsentPurpose> checkAtRegistration(PersonForm form) {
        List<ConsentPurpose> purposes = form.getConsentPurposes().stream().filter(Objects::nonNull).distinct().sorted()
                .toList();
        if (purposes.isEmpty()) {
            return purposes;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (!ConsentPurpose.AT_REGISTRATION.containsAll(purposes)) {
            broken.add(new InvalidInputException("consentPurposes", "consent.purposes.later"));
        }
        if (form.getConsentMethod() == null) {
            broken.add(new InvalidInputException("consentMethod", "consent.method.required"));
        }
        InvalidInputException.throwIfAny(broken);
        return purposes;
    }

    /** Within the registering transaction, whose id (unique per form) makes each consent's id. */
    void recordAtRegistration(UUID personId, List<ConsentPurpose> purposes, ConsentMethod method) {
        purposes.forEach(purpose -> record(idOf(personId, purpose), personId, purpose, method, null, null, null));
    }

    private static UUID idOf(UUID formId, ConsentPurpose purpose) {
        return UUID.nameUUIDFromBytes((formId + ":" + purpose.name()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One consent in force per purpose (and relative, partner or volunteer): a second «yes» changes nothing, so one withdrawal
     * always ends it; nor does a second use of the same id. Touches the person and audits only what was recorded.
     */
    boolean record(UUID id, UUID personId, ConsentPurpose purpose, ConsentMethod method, UUID relative, String partner,
                   UUID volunteer) {
        int inserted = db.sql("""
                        INSERT INTO consent (id, organisation_id, person_id, purpose, relative_id, partner, volunteer_id,
                                             given_by, method)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, purpose.name(), relative, partner, volunteer,
                        PersonAccess.caller().userId(), method.name())
                .update();
        if (inserted > 0) {
            records.touch(personId);
            audit.record(personId, AuditAction.CONSENT_GIVEN, "person.consent." + purpose.name().toLowerCase());
        }
        return inserted > 0;
    }

    @Transactional
    public void withdraw(UUID personId, UUID consentId, ConsentMethod method) {
        access.require(personId);
        if (method == null) {
            throw new InvalidInputException("method", "consent.method.required");
        }
        int withdrawn = db.sql("""
                        UPDATE consent SET withdrawn_at = now(), withdrawn_by = ?, withdrawal_method = ?
                         WHERE id = ? AND person_id = ? AND withdrawn_at IS NULL""")
                .params(PersonAccess.caller().userId(), method.name(), consentId, personId).update();
        if (withdrawn == 0) {
            throw new NotFoundException("Consent");
        }
        records.touch(personId);
        audit.record(personId, AuditAction.CONSENT_WITHDRAWN, "person.consent");
    }
}

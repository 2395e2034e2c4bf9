package no.tilfrisk.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.PersonAttendance;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.organisation.Organisation;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person as a FHIR R4 bundle, for those who may see the person's page: {@link PersonDirectory#get} refuses
 * everyone else with «not found». Each module's service checks the caller again and records its own reading in the
 * audit trail, and the export as a whole is recorded as {@code fhir.bundle}, all in one transaction.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class FhirExport {

    /** The media type of a FHIR resource in JSON. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Expensive to make (it scans the model classes), cheap to share: one for the application. */
    /** HAPI's context takes a second or more to build: made at the first export, not on the start-up path. */
    private static final class R4 {
        static final FhirContext CONTEXT = FhirContext.forR4Cached();
    }

    private final PersonDirectory persons;
    private final DataSubjectRights rights;
    private final Organisations organisations;
    private final ContactLog contacts;
    private final PersonAttendance attendance;
    private final Outcomes outcomes;
    private final Instruments instruments;
    private final Plans plans;
    private final Mappings mappings;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final UserAccounts accounts;
    private final AsSystem asSystem;

    FhirExport(PersonDirectory persons, DataSubjectRights rights, Organisations organisations, ContactLog contacts,
               PersonAttendance attendance, Outcomes outcomes, Instruments instruments, Plans plans,
               Mappings mappings, AuditTrail audit, MessageSource messages, Clock clock, UserAccounts accounts,
               AsSystem asSystem) {
        this.accounts = accounts;
        this.asSystem = asSystem;
        this.mappings = mappings;
        this.persons = persons;
        this.rights = rights;
        this.organisations = organisations;
        this.contacts = contacts;
        this.attendance = attendance;
        this.outcomes = outcomes;
        this.instruments = instruments;
        this.plans = plans;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The bundle, recorded in the audit trail as an export of its own. */
    @Transactional
    public Bundle bundle(UUID personId, Locale locale) {
        Bundle bundle = read(personId, locale);
        audit.record(personId, AuditAction.EXPORT, "fhir.bundle");
        return bundle;
    }

    /** The bundle as FHIR JSON, recorded as an export of its own. */
    @Transactional
    public String json(UUID personId, Locale locale) {
        return R4.CONTEXT.newJsonParser().encodeResourceToString(bundle(personId, locale));
    }

    /**
     * The signed-in participant's own bundle as FHIR JSON (Min side), the same bundle staff get: their own person
     * only, found from their account (nothing from the request names a person), «not found» when the account has no
     * person. Their download is in the audit trail as theirs ({@code fhir.bundle.own}); the modules' readings behind it
     * are made as Tilfrisk on their behalf ({@link AsSystem}, in this same transaction), since those services serve
     * staff, and are recorded as such.
     */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public String mine(Locale locale) {
        UUID own = accounts.personOf(CurrentUser.get().userId())
                .orElseThrow(() -> new NotFoundException("Person"));
        audit.record(own, AuditAction.EXPORT, "fhir.bundle.own");
        Bundle[] bundle = new Bundle[1];
        asSystem.run(Tenancy.requireOrganisationId(), () -> bundle[0] = read(own, locale));
        return R4.CONTEXT.newJsonParser().encodeResourceToString(bundle[0]);
    }

    /**
     * The bundle as FHIR JSON for a section of the person's whole export, which records the export itself; each
     * module's reading is still recorded.
     */
    @Transactional
    public String jsonInTheExport(UUID personId, Locale locale) {
        return R4.CONTEXT.newJsonParser().encodeResourceToString(read(personId, locale));
    }

    private Bundle read(UUID personId, Locale locale) {
        // the person's page's own check first: nothing else is read for a person the caller may not see
        PersonDetails person = persons.get(personId);
        Organisation organisation = organisations.current();
        List<Response> responses = outcomes.ofPerson(personId);
        Map<String, no.tilfrisk.outcome.Instrument> used = new LinkedHashMap<>();
        responses.forEach(r -> instruments.find(r.instrumentId(), r.instrumentVersion())
                .ifPresent(i -> used.put(i.key(), i)));
        FhirSource source = new FhirSource(clock.instant(), organisation.id(), organisation.name(), person,
                rights.nationalIdForExport(personId), contacts.ofPerson(personId), attendance.of(personId),
                responses.stream().filter(r -> used.containsKey(r.instrumentId() + "@" + r.instrumentVersion()))
                        .toList(), used, plans.plan(personId), mappings.ofPerson(personId));
        return new BundleBuilder(messages, locale).build(source);
    }
}

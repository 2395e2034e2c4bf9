package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.Gender;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.transition.ChecklistCode;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.Institution;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.TransitionAlerts;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.TransitionSettings;
import no.tilfrisk.transition.Transitions;
import org.springframework.stereotype.Component;

/**
 * The demo's transitions (issue 17): Tor's release from prison in five weeks with two items not in place, Dag's
 * discharge from treatment next week (an item of his own on «Min side»), and Even's stay that ended a month ago
 * with a first contact two days after; then the day's alerts, so «Mine oppgaver» shows them at once.
 */
@Component
class DemoTransitions {

    private final Transitions transitions;
    private final TransitionSettings settings;
    private final TransitionAlerts alerts;
    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final Consents consents;
    private final ContactLog contacts;
    private final Clock clock;

    DemoTransitions(Transitions transitions, TransitionSettings settings, TransitionAlerts alerts,
                    PersonDirectory persons, PersonSpans spans, Consents consents, ContactLog contacts, Clock clock) {
        this.transitions = transitions;
        this.settings = settings;
        this.alerts = alerts;
        this.persons = persons;
        this.spans = spans;
        this.consents = consents;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Returns Tor's id: he consents to share with NAV Skien ({@link DemoPartners}), so the partner sees the release. */
    UUID write(Department skien, UUID dag, UUID coordinator, UUID staff) {
        LocalDate today = LocalDate.now(clock);
        UUID prison = settings.addInstitution(UUID.randomUUID(), "Skien fengsel", "Fengsel, høyt sikkerhetsnivå");
        UUID rehab = settings.institutions().stream().filter(i -> i.name().startsWith("Bjørnerud"))
                .findFirst().map(Institution::id).orElse(null);

        UUID tor = participant("Tor", 1979, skien, today.minusYears(1));
        TransitionForm release = form(TransitionKind.PRISON_RELEASE, prison, today.plusDays(35), coordinator);
        release.setStayStartedOn(today.minusYears(1).minusMonths(2));
        release.setMunicipality("Skien");
        release.setOwnWords("Å ha et sted å bo fra første dag, og noen å ringe.");
        UUID t = transitions.create(UUID.randomUUID(), tor, release);
        for (ChecklistItem i : transitions.get(t).items()) {
            switch (i.code()) {
                case HOUSING -> set(i, ItemStatus.IN_PROGRESS, ResponsibleKind.STAFF, staff, today.plusDays(21),
                        "Søknad om kommunal bolig sendt, venter på svar.");
                case INCOME -> set(i, ItemStatus.NOT_STARTED, ResponsibleKind.STAFF, coordinator, today.plusDays(14), null);
                case DEBT_LEGAL -> set(i, ItemStatus.NOT_NEEDED, null, null, null, null);
                default -> set(i, ItemStatus.IN_PLACE, ResponsibleKind.STAFF, staff, null, null);
            }
        }

        TransitionForm discharge = form(TransitionKind.DISCHARGE_TSB, rehab, today.plusDays(7), coordinator);
        discharge.setStayStartedOn(today.minusMonths(5));
        discharge.setMunicipality("Skien");
        discharge.setOwnWords("Komme i gang med noe å gjøre på dagtid.");
        UUID d = transitions.create(UUID.randomUUID(), dag, discharge);
        for (ChecklistItem i : transitions.get(d).items()) {
            switch (i.code()) {
                case ACTIVITY -> set(i, ItemStatus.IN_PROGRESS, ResponsibleKind.PERSON, null, today.plusDays(5), null);
                case NETWORK -> set(i, ItemStatus.NOT_STARTED, ResponsibleKind.STAFF, staff, today.plusDays(6), null);
                case DEBT_LEGAL, INDIVIDUAL_PLAN -> set(i, ItemStatus.IN_PROGRESS, ResponsibleKind.STAFF, coordinator, null, null);
                default -> set(i, ItemStatus.IN_PLACE, ResponsibleKind.STAFF, staff, null, null);
            }
        }

        UUID even = participant("Even", 1990, skien, today.minusMonths(8));
        LocalDate ended = today.minusDays(30);
        TransitionForm past = form(TransitionKind.MUNICIPAL_STAY_END, null, ended, coordinator);
        past.setStayStartedOn(today.minusMonths(7));
        past.setActualOn(ended);
        past.setMunicipality("Skien");
        UUID p = transitions.create(UUID.randomUUID(), even, past);
        for (ChecklistItem i : transitions.get(p).items()) {
            set(i, i.code() == ChecklistCode.DEBT_LEGAL ? ItemStatus.NOT_NEEDED : ItemStatus.IN_PLACE,
                    ResponsibleKind.STAFF, staff, null, null);
        }
        ContactForm contact = new ContactForm();
        contact.setPersonId(even);
        contact.setDate(ended.plusDays(2));
        contact.setTime(LocalTime.of(11, 0));
        contact.setType(ContactType.ONE_TO_ONE);
        contact.setDurationMinutes(45);
        contact.setStaffIds(List.of(staff));
        contacts.log(UUID.randomUUID(), contact);

        alerts.makeAlerts();
        return tor;
    }

    private static TransitionForm form(TransitionKind kind, UUID institution, LocalDate expected, UUID coordinator) {
        TransitionForm f = new TransitionForm(kind, institution, expected);
        f.setCoordinatorId(coordinator);
        return f;
    }

    private void set(ChecklistItem i, ItemStatus status, ResponsibleKind kind, UUID account, LocalDate due, String note) {
        ItemForm f = new ItemForm(status, kind, account, due, note);
        transitions.setItem(i.id(), f);
    }

    private UUID participant(String name, int birthYear, Department department, LocalDate since) {
        PersonForm form = new PersonForm();
        form.setDisplayName(name);
        form.setBirthYear(birthYear);
        form.setGender(Gender.MALE);
        form.setMunicipality(department.municipality());
        form.setConfirmDuplicate(true);
        UUID id = ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        spans.addRole(id, PersonRole.PARTICIPANT, since);
        spans.addMembership(id, department.id(), since);
        consents.give(id, new ConsentForm(ConsentPurpose.REGISTRATION, ConsentMethod.SIGNED, null, null));
        return id;
    }
}

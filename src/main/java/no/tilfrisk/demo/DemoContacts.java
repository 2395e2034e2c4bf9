package no.tilfrisk.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.EscortKind;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import org.springframework.stereotype.Component;

/**
 * Contacts with the demo participants over this year and the last, through the same services as the pages: mostly
 * 1-1 talks, calls and messages, some family talks with a consenting relative present, escorts and home visits.
 * The latest talks with some participants in Skien have a follow-up in the coming weeks, so the demo staff's
 * «Mine oppgaver» is not empty. Tallies of calls and messages per department and month, e-mails per quarter, and this week's calls.
 */
@Component
class DemoContacts {

    /** The demo staff who take part: the staff member and coordinator in Skien, the admin elsewhere. */
    record Staff(UUID admin, UUID coordinator, UUID staff) {
    }

    private static final String[] NOTES = {
            "Snakket om bolig og økonomi. Avtalte å ta kontakt med NAV sammen.",
            "God samtale om ukeplanen. Vil prøve friluftsgruppa.",
            "Hadde en tung uke. Avtalte ny samtale snart.",
            "Gikk gjennom målene i planen. Fornøyd med framgangen.",
            "Ringte for å høre hvordan det går. Alt vel.",
            "Snakket om nettverk og fritid. Interessert i å bli med på bowling."};

    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final Consents consents;
    private final ContactLog contacts;
    private final Tallies tallies;
    private final Clock clock;

    DemoContacts(PersonDirectory persons, PersonSpans spans, Consents consents, ContactLog contacts, Tallies tallies,
                 Clock clock) {
        this.clock = clock;
        this.persons = persons;
        this.spans = spans;
        this.consents = consents;
        this.contacts = contacts;
        this.tallies = tallies;
    }

    void write(List<Department> departments, UUID dag, Staff staff) {
        Random random = new Random(2024);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = LocalDate.of(today.getYear() - 1, 1, 1);
        for (Department department : departments) {
            boolean skien = department.name().equals("Skien");
            List<PersonSummary> participants = persons.search("", department.id(), PersonRole.PARTICIPANT, 0, 100).items();
            List<PersonSummary> relatives = new ArrayList<>(persons.search("", department.id(), PersonRole.RELATIVE, 0, 100).items());
            for (PersonSummary participant : participants) {
                UUID relative = null;
                // some participants have a relative they consent to involve in family talks
                if (!relatives.isEmpty() && random.nextInt(3) == 0) {
                    relative = relatives.remove(random.nextInt(relatives.size())).id();
                    spans.linkRelative(participant.id(), relative, random.nextBoolean() ? "mor" : "søsken");
                    consents.give(participant.id(), new ConsentForm(ConsentPurpose.INVOLVE_RELATIVE,
                            ConsentMethod.SIGNED, relative, null));
                }
                int count = participant.id().equals(dag) ? 10 : 2 + random.nextInt(5);
                List<LocalDate> dates = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    dates.add(start.plusDays(random.nextInt((int) (today.toEpochDay() - start.toEpochDay()) + 1)));
                }
                dates.sort(null);
                for (int i = 0; i < dates.size(); i++) {
                    boolean latest = i == dates.size() - 1;
                    // the latest talk with about half of the participants in Skien is to be followed up soon
                    LocalDate followUp = latest && skien && (participant.id().equals(dag) || random.nextBoolean())
                            ? today.plusDays(1 + random.nextInt(20)) : null;
                    log(participant.id(), relative, dates.get(i), followUp, skien, staff, random,
                            participant.id().equals(dag));
                }
            }
            tallies(department, today, start, random);
        }
    }

    /** {@code dag}: the demo participant, whose guide is the demo staff member. */
    private void log(UUID person, UUID relative, LocalDate date, LocalDate followUp, boolean skien, Staff staff,
                     Random random, boolean dag) {
        int roll = random.nextInt(100);
        ContactType type = roll < 35 ? ContactType.ONE_TO_ONE : roll < 55 ? ContactType.PHONE
                : roll < 70 ? ContactType.MESSAGE : roll < 78 ? ContactType.FAMILY : roll < 83 ? ContactType.EMAIL
                : roll < 88 ? ContactType.HOME_VISIT : roll < 95 ? ContactType.ESCORT
                : roll < 98 ? ContactType.RESPONSIBILITY_GROUP : ContactType.OTHER;
        ContactForm form = new ContactForm();
        form.setPersonId(person);
        form.setDate(date);
        form.setTime(LocalTime.of(9 + random.nextInt(7), random.nextInt(4) * 15));
        form.setType(type);
        if (type == ContactType.ESCORT) {
            form.setEscortKind(EscortKind.values()[random.nextInt(EscortKind.values().length)]);
        }
        form.setDurationMinutes(switch (type) {
            case PHONE -> 5 + random.nextInt(25);
            case MESSAGE, EMAIL -> null;
            case ESCORT, RESPONSIBILITY_GROUP, HOME_VISIT -> 60 + 30 * random.nextInt(4);
            default -> 30 + 15 * random.nextInt(4);
        });
        if (type == ContactType.FAMILY && relative != null) {
            form.setRelativeIds(List.of(relative));
        }
        if (random.nextInt(10) < 4 || followUp != null) {
            form.setNote(NOTES[random.nextInt(NOTES.length)]);
        }
        form.setFollowUpOn(followUp);
        // in Skien the staff member takes most talks, the coordinator some, and some together
        if (!skien) {
            form.setStaffIds(List.of(staff.admin()));
        } else if (followUp != null) {
            form.setStaffIds(random.nextInt(4) == 0 && !dag ? List.of(staff.coordinator()) : List.of(staff.staff()));
        } else {
            int who = random.nextInt(10);
            form.setStaffIds(who < 6 ? List.of(staff.staff()) : who < 9 ? List.of(staff.coordinator())
                    : List.of(staff.staff(), staff.coordinator()));
        }
        contacts.log(UUID.randomUUID(), form);
    }

    /** Calls and messages counted per month, e-mails per quarter, and this week's calls so far. */
    private void tallies(Department department, LocalDate today, LocalDate start, Random random) {
        for (YearMonth month = YearMonth.from(start); month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
            tally(department, ContactType.PHONE, month.atDay(1), month.atEndOfMonth(), 20 + random.nextInt(60));
            tally(department, ContactType.MESSAGE, month.atDay(1), month.atEndOfMonth(), 15 + random.nextInt(50));
            if (month.getMonthValue() % 3 == 0) {
                tally(department, ContactType.EMAIL, month.minusMonths(2).atDay(1), month.atEndOfMonth(), 5 + random.nextInt(30));
            }
        }
        tally(department, ContactType.PHONE, today.with(DayOfWeek.MONDAY), today, 37);
    }

    private void tally(Department department, ContactType type, LocalDate from, LocalDate to, int count) {
        TallyForm form = new TallyForm();
        form.setDepartmentId(department.id());
        form.setType(type);
        form.setFrom(from);
        form.setTo(to);
        form.setCount(count);
        tallies.record(UUID.randomUUID(), form);
    }
}

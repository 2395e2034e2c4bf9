package no.tilfrisk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.leisure.Catalogue;
import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.CheckInForm;
import no.tilfrisk.leisure.ClubForm;
import no.tilfrisk.leisure.ClubKind;
import no.tilfrisk.leisure.Condition;
import no.tilfrisk.leisure.Decision;
import no.tilfrisk.leisure.DecisionForm;
import no.tilfrisk.leisure.Decisions;
import no.tilfrisk.leisure.EndForm;
import no.tilfrisk.leisure.EquipmentKind;
import no.tilfrisk.leisure.HoursForm;
import no.tilfrisk.leisure.Inclusions;
import no.tilfrisk.leisure.ItemForm;
import no.tilfrisk.leisure.Lending;
import no.tilfrisk.leisure.LoanForm;
import no.tilfrisk.leisure.Outcome;
import no.tilfrisk.leisure.ProcessForm;
import no.tilfrisk.leisure.ReturnForm;
import no.tilfrisk.leisure.Step;
import no.tilfrisk.leisure.StepForm;
import no.tilfrisk.leisure.SupportForm;
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
import org.springframework.stereotype.Component;

/**
 * Fritid med bistand in «Demo Recovery» (issue 18, seed 002): fifteen clubs around Skien and Tønsberg, three
 * facilitators, and processes at different steps: Ronny (seed 002's host at a DNT cabin) ended as still active
 * after six months of follow-up with a valued role; Dag, the demo participant, in his follow-up with a decision that
 * ends within 30 days and a check-in to answer on «Min side»; Eva at step 5, Mats at step 4, Olav at step 3, Hanne
 * after the information meeting. Equipment: a camera lent and returned, a guitar lent to Dag, hiking boots overdue.
 */
@Component
class DemoLeisure {

    private record ClubRow(String name, ClubKind kind, String municipality, String address, String times,
                           List<DayOfWeek> days, int cost, String equipment, boolean usedBefore) {
    }

    private static final List<ClubRow> CLUBS = List.of(
            new ClubRow("Skien og Omegn Turlag (DNT)", ClubKind.OUTDOOR, "Skien", "Prinsessegata 5", "Turer søndager kl. 10, dugnad på hyttene",
                    List.of(DayOfWeek.SUNDAY), 760, "Tursko, sekk", true),
            new ClubRow("Skien Sjakklubb", ClubKind.CULTURE, "Skien", "Ibsenhuset", "Tirsdager kl. 18–21", List.of(DayOfWeek.TUESDAY),
                    300, null, false),
            new ClubRow("Odd Ballklubb, veteranlaget", ClubKind.SPORT, "Skien", "Skagerak Arena", "Mandager og torsdager kl. 19",
                    List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), 1200, "Fotballsko", true),
            new ClubRow("Skien Fotoklubb", ClubKind.CULTURE, "Skien", "Kulturhuset Ibsen", "Annenhver onsdag kl. 19",
                    List.of(DayOfWeek.WEDNESDAY), 450, "Kamera", true),
            new ClubRow("Gimsøy Kor", ClubKind.MUSIC, "Skien", "Gimsøy kirke", "Torsdager kl. 19–21:30", List.of(DayOfWeek.THURSDAY),
                    900, null, false),
            new ClubRow("Skien Sportsfiskerforening", ClubKind.OUTDOOR, "Skien", "Fossum", "Lørdager, fisketurer etter avtale",
                    List.of(DayOfWeek.SATURDAY), 400, "Fiskestang", false),
            new ClubRow("Røde Kors Skien, besøkstjenesten", ClubKind.VOLUNTEERING, "Skien", "Kverndalsgata 4", "Etter avtale, kurs første tirsdag",
                    List.of(DayOfWeek.TUESDAY), 0, null, true),
            new ClubRow("Blå Kors Skien, kafé", ClubKind.VOLUNTEERING, "Skien", "Langbrygga 1", "Fredager kl. 17–21",
                    List.of(DayOfWeek.FRIDAY), 0, null, true),
            new ClubRow("Skien Klatreklubb", ClubKind.SPORT, "Skien", "Klatrehallen, Falkum", "Onsdager kl. 18",
                    List.of(DayOfWeek.WEDNESDAY), 1500, "Klatresko og sele (kan lånes)", false),
            new ClubRow("Tønsberg Turlag (DNT)", ClubKind.OUTDOOR, "Tønsberg", "Storgata 20", "Onsdagsturer kl. 18",
                    List.of(DayOfWeek.WEDNESDAY), 760, "Tursko", true),
            new ClubRow("Tønsberg Roklubb", ClubKind.SPORT, "Tønsberg", "Kaldnes brygge", "Tirsdager og lørdager",
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), 1800, null, false),
            new ClubRow("Tønsberg Bluesklubb", ClubKind.MUSIC, "Tønsberg", "Banken Bar & Scene", "Jam hver torsdag kl. 20",
                    List.of(DayOfWeek.THURSDAY), 350, "Instrument", true),
            new ClubRow("Kirkens Bymisjon Tønsberg, frivillig", ClubKind.FAITH, "Tønsberg", "Nedre Langgate 36", "Mandager kl. 11–15",
                    List.of(DayOfWeek.MONDAY), 0, null, false),
            new ClubRow("Tønsberg Malerlaug", ClubKind.CULTURE, "Tønsberg", "Haugar kunstmuseum", "Søndager kl. 12",
                    List.of(DayOfWeek.SUNDAY), 500, "Pensler og maling", false),
            new ClubRow("Nøtterøy Sjakk og Bridge", ClubKind.OTHER, "Færder", "Teie", "Fredager kl. 18", List.of(DayOfWeek.FRIDAY),
                    250, null, false));

    private final Catalogue catalogue;
    private final Inclusions inclusions;
    private final Decisions decisions;
    private final Lending lending;
    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final Consents consents;
    private final Clock clock;

    DemoLeisure(Catalogue catalogue, Inclusions inclusions, Decisions decisions, Lending lending,
                PersonDirectory persons, PersonSpans spans, Consents consents, Clock clock) {
        this.catalogue = catalogue;
        this.inclusions = inclusions;
        this.decisions = decisions;
        this.lending = lending;
        this.persons = persons;
        this.spans = spans;
        this.consents = consents;
        this.clock = clock;
    }

    void write(Department skien, Department tonsberg, UUID dag) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> clubs = new ArrayList<>();
        for (ClubRow c : CLUBS) {
            ClubForm f = new ClubForm();
            f.setName(c.name());
            f.setKind(c.kind());
            f.setMunicipality(c.municipality());
            f.setAddress(c.address());
            f.setContactPerson("Kontakt i " + c.name().split(" ")[0]);
            f.setMeetingTimes(c.times());
            f.setMeetingDays(c.days());
            f.setCostPerYear(BigDecimal.valueOf(c.cost()));
            f.setEquipmentNeeded(c.equipment());
            f.setAccessibility(c.kind() == ClubKind.SPORT ? null : "Trinnfri inngang");
            f.setUsedBefore(c.usedBefore());
            f.setExperience(c.usedBefore() ? "Godt mottatt; en fast kontaktperson i klubben." : null);
            clubs.add(catalogue.create(UUID.randomUUID(), f));
        }
        UUID kjell = person("Kjell Turvenn", Gender.MALE, 1962, skien, PersonRole.FACILITATOR, today.minusYears(1));
        UUID sangpedagog = person("Sara Sangpedagog", Gender.FEMALE, 1978, skien, PersonRole.FACILITATOR, today.minusYears(1));
        UUID tor = person("Tor Roer", Gender.MALE, 1970, tonsberg, PersonRole.FACILITATOR, today.minusMonths(8));
        // Ronny: ended as still active after six months, host at the DNT cabin (a valued role)
        UUID ronny = person("Ronny R.", Gender.MALE, 1979, skien, PersonRole.PARTICIPANT, today.minusYears(2));
        UUID ronnys = process(ronny, today.minusMonths(11));
        steps(ronnys, Step.FOLLOW_UP, today.minusMonths(10), clubs.get(0), kjell, today.minusMonths(9));
        for (CheckInDue due : List.of(CheckInDue.WEEK_2, CheckInDue.MONTH_1, CheckInDue.MONTH_3, CheckInDue.MONTH_6)) {
            inclusions.answerCheckIn(ronnys, due, answer(due == CheckInDue.WEEK_2 ? 6 : 8, true, due == CheckInDue.MONTH_6));
        }
        EndForm end = new EndForm();
        end.setOutcome(Outcome.STILL_ACTIVE);
        end.setEndedOn(today.minusMonths(2));
        end.setNote("Vertskap på turlagets hytte i helgene.");
        inclusions.end(ronnys, end);
        // Dag: in his follow-up, with a decision ending within 30 days
        UUID dags = process(dag, today.minusMonths(3));
        steps(dags, Step.FOLLOW_UP, today.minusMonths(2), clubs.get(5), kjell, today.minusDays(20));
        DecisionForm d = new DecisionForm();
        d.setReference("2026/4711");
        d.setMunicipality("Skien");
        d.setForm(SupportForm.VOLUNTARY_ORGANISATION);
        d.setHours(new BigDecimal("3"));
        d.setPer(Decision.HoursPer.WEEK);
        d.setValidFrom(today.minusMonths(3));
        d.setValidTo(today.plusDays(20));
        UUID decision = decisions.add(UUID.randomUUID(), dags, d);
        for (int week = 1; week <= 6; week++) {
            HoursForm h = new HoursForm();
            h.setUsedOn(today.minusWeeks(week));
            h.setHours(new BigDecimal("2.5"));
            decisions.logHours(UUID.randomUUID(), dags, decision, h);
        }
        // the others at steps 5, 4, 3 and 1
        UUID eva = person("Eva E.", Gender.FEMALE, 1988, tonsberg, PersonRole.PARTICIPANT, today.minusYears(1));
        steps(process(eva, today.minusMonths(2)), Step.FACILITATOR, today.minusMonths(1), clubs.get(10), tor, null);
        UUID mats = person("Mats M.", Gender.MALE, 1992, skien, PersonRole.PARTICIPANT, today.minusYears(1));
        steps(process(mats, today.minusMonths(2)), Step.CHOICE, today.minusWeeks(5), clubs.get(4), sangpedagog, null);
        UUID olav = person("Olav O.", Gender.MALE, 1984, skien, PersonRole.PARTICIPANT, today.minusYears(1));
        steps(process(olav, today.minusWeeks(6)), Step.ACTIVITY_MAPPING, today.minusWeeks(3), null, null, null);
        UUID hanne = person("Hanne H.", Gender.FEMALE, 1990, tonsberg, PersonRole.PARTICIPANT, today.minusMonths(6));
        steps(process(hanne, today.minusWeeks(2)), Step.INFORMATION_MEETING, today.minusWeeks(1), null, null, null);
        // equipment: the camera lent and returned, a guitar with Dag, hiking boots overdue with Olav
        UUID camera = item(skien, "Speilreflekskamera", EquipmentKind.PHOTO, 6500, "Kontoret, skap 2");
        UUID guitar = item(skien, "Akustisk gitar", EquipmentKind.MUSIC, 2500, "Kontoret");
        UUID boots = item(skien, "Fjellsko str. 43", EquipmentKind.OUTDOOR, 1800, "Lageret");
        item(tonsberg, "Telt for to", EquipmentKind.OUTDOOR, 3000, "Lageret i Tønsberg");
        item(tonsberg, "Langrennsski med staver", EquipmentKind.SPORT, 2200, "Lageret i Tønsberg");
        UUID cameraLoan = lend(camera, ronny, today.minusMonths(9), today.minusMonths(6));
        ReturnForm back = new ReturnForm();
        back.setReturnedOn(today.minusMonths(6).minusDays(3));
        back.setCondition(Condition.GOOD);
        lending.giveBack(cameraLoan, back);
        lend(guitar, dag, today.minusWeeks(3), today.plusMonths(2));
        lend(boots, olav, today.minusWeeks(4), today.minusDays(5));
    }

    private UUID process(UUID participant, LocalDate on) {
        ProcessForm f = new ProcessForm();
        f.setParticipantId(participant);
        f.setStartedOn(on);
        f.setWishes("Ønsker å være med på noe vanlig, sammen med andre.");
        return inclusions.start(UUID.randomUUID(), f);
    }

    /** Steps 1 to {@code last} a week apart from {@code first}; the follow-up (if reached) on {@code followUp}. */
    private void steps(UUID process, Step last, LocalDate first, UUID club, UUID facilitator, LocalDate followUp) {
        for (Step s : Step.values()) {
            if (s.ordinal() > last.ordinal()) {
                return;
            }
            StepForm f = new StepForm();
            f.setStep(s);
            f.setDoneOn(s == Step.FOLLOW_UP ? followUp : first.plusWeeks(Math.min(s.ordinal(), 3)));
            f.setParticipants("Deltakeren og veilederen");
            f.setNote(switch (s) {
                case INFORMATION_MEETING -> "Gikk gjennom hvordan Fritid med bistand virker.";
                case WISHES -> "Drømmer om å være med i noe ordinært, ute eller med musikk.";
                case ACTIVITY_MAPPING -> "Så på tilbudene i nærmiljøet sammen.";
                case CHOICE -> "Valgte selv.";
                case FACILITATOR -> "Tilretteleggeren tar imot på første møte.";
                case FOLLOW_UP -> "Første oppmøte gikk fint.";
            });
            f.setClubId(club);
            f.setFacilitatorId(facilitator);
            inclusions.recordStep(UUID.randomUUID(), process, f);
        }
    }

    private static CheckInForm answer(int rating, boolean still, boolean role) {
        CheckInForm f = new CheckInForm();
        f.setRating(rating);
        f.setStillTakingPart(still);
        f.setValuedRole(role);
        return f;
    }

    private UUID item(Department department, String name, EquipmentKind kind, int value, String storedAt) {
        ItemForm f = new ItemForm();
        f.setDepartmentId(department.id());
        f.setName(name);
        f.setKind(kind);
        f.setValue(BigDecimal.valueOf(value));
        f.setCondition(Condition.GOOD);
        f.setStoredAt(storedAt);
        return lending.addItem(UUID.randomUUID(), f);
    }

    private UUID lend(UUID item, UUID participant, LocalDate from, LocalDate until) {
        LoanForm f = new LoanForm();
        f.setEquipmentId(item);
        f.setParticipantId(participant);
        f.setLentOn(from);
        f.setExpectedReturn(until);
        return lending.lend(UUID.randomUUID(), f);
    }

    private UUID person(String name, Gender gender, int birthYear, Department department, PersonRole role,
                        LocalDate since) {
        PersonForm form = new PersonForm();
        form.setDisplayName(name);
        form.setBirthYear(birthYear);
        form.setGender(gender);
        form.setMunicipality(department.municipality());
        form.setPhone(String.format("9%02d %02d %03d", birthYear % 100, name.length(), birthYear % 1000));
        form.setConfirmDuplicate(true);
        UUID id = ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        spans.addRole(id, role, since);
        spans.addMembership(id, department.id(), since);
        consents.give(id, new ConsentForm(ConsentPurpose.REGISTRATION, ConsentMethod.SIGNED, null, null));
        return id;
    }
}

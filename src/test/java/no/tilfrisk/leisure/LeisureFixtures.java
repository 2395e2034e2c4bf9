package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.person.PersonRole;
import org.springframework.boot.test.context.TestComponent;

/** Clubs, facilitators, processes at a given step, items and loans for the leisure tests, through the services. */
@TestComponent
public class LeisureFixtures {

    private final People people;
    private final Catalogue catalogue;
    private final Inclusions inclusions;
    private final Decisions decisions;
    private final Lending lending;
    private final Clock clock;

    LeisureFixtures(People people, Catalogue catalogue, Inclusions inclusions, Decisions decisions, Lending lending,
                    Clock clock) {
        this.people = people;
        this.catalogue = catalogue;
        this.inclusions = inclusions;
        this.decisions = decisions;
        this.lending = lending;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public UUID club(UUID organisation, String name) {
        return People.asSystem(organisation, () -> {
            ClubForm f = new ClubForm();
            f.setName(name);
            f.setKind(ClubKind.OUTDOOR);
            f.setMunicipality("Skien");
            f.setMeetingDays(List.of(DayOfWeek.TUESDAY));
            f.setMeetingTimes("Tirsdager kl. 18");
            f.setCostPerYear(new BigDecimal("300"));
            return catalogue.create(UUID.randomUUID(), f);
        });
    }

    public UUID facilitator(UUID organisation, String department, String name) {
        return people.register(organisation, department, name, PersonRole.FACILITATOR);
    }

    /** A process begun {@code daysAgo} days ago for the participant. */
    public UUID process(UUID organisation, UUID participant, int daysAgo) {
        return People.asSystem(organisation, () -> {
            ProcessForm f = new ProcessForm();
            f.setParticipantId(participant);
            f.setStartedOn(today().minusDays(daysAgo));
            f.setWishes("Foto " + participant);
            return inclusions.start(UUID.randomUUID(), f);
        });
    }

    /** Takes the steps up to and including {@code last}, each on {@code on}; a club and facilitator where needed. */
    public void stepsTo(UUID organisation, UUID process, Step last, LocalDate on, UUID club, UUID facilitator) {
        People.asSystem(organisation, () -> {
            for (Step s : Step.values()) {
                if (s.ordinal() > last.ordinal()) {
                    break;
                }
                StepForm f = new StepForm();
                f.setStep(s);
                f.setDoneOn(on);
                f.setParticipants("Deltaker og veileder");
                f.setNote("Notat " + process);
                f.setClubId(club);
                f.setFacilitatorId(facilitator);
                inclusions.recordStep(UUID.randomUUID(), process, f);
            }
            return null;
        });
    }

    public void answer(UUID organisation, UUID process, CheckInDue due, int rating, boolean still, boolean role) {
        People.asSystem(organisation, () -> {
            inclusions.answerCheckIn(process, due, checkIn(rating, still, role));
            return null;
        });
    }

    public static CheckInForm checkIn(Integer rating, Boolean still, Boolean role) {
        CheckInForm f = new CheckInForm();
        f.setRating(rating);
        f.setStillTakingPart(still);
        f.setValuedRole(role);
        return f;
    }

    public UUID decision(UUID organisation, UUID process, LocalDate from, LocalDate to, String hoursPerWeek) {
        return People.asSystem(organisation, () -> decisions.add(UUID.randomUUID(), process,
                decisionForm(from, to, hoursPerWeek)));
    }

    public static DecisionForm decisionForm(LocalDate from, LocalDate to, String hoursPerWeek) {
        DecisionForm f = new DecisionForm();
        f.setReference("2026/" + UUID.randomUUID().toString().substring(0, 6));
        f.setMunicipality("Skien");
        f.setForm(SupportForm.VOLUNTARY_ORGANISATION);
        f.setHours(new BigDecimal(hoursPerWeek));
        f.setPer(Decision.HoursPer.WEEK);
        f.setValidFrom(from);
        f.setValidTo(to);
        return f;
    }

    public UUID item(UUID organisation, String department, String name) {
        return People.asSystem(organisation, () -> {
            ItemForm f = new ItemForm();
            f.setDepartmentId(people.department(department).id());
            f.setName(name);
            f.setKind(EquipmentKind.PHOTO);
            f.setValue(new BigDecimal("4000"));
            f.setCondition(Condition.GOOD);
            f.setStoredAt("Skapet");
            return lending.addItem(UUID.randomUUID(), f);
        });
    }

    public UUID loan(UUID organisation, UUID item, UUID participant, LocalDate lentOn, LocalDate expectedReturn) {
        return People.asSystem(organisation, () -> lending.lend(UUID.randomUUID(), loanForm(item, participant, lentOn,
                expectedReturn)));
    }

    public static LoanForm loanForm(UUID item, UUID participant, LocalDate lentOn, LocalDate expectedReturn) {
        LoanForm f = new LoanForm();
        f.setEquipmentId(item);
        f.setParticipantId(participant);
        f.setLentOn(lentOn);
        f.setExpectedReturn(expectedReturn);
        return f;
    }

    public People people() {
        return people;
    }
}

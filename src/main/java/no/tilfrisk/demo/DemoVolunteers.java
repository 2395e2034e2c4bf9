package no.tilfrisk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
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
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.Interest;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.volunteer.CheckIn;
import no.tilfrisk.volunteer.EndReason;
import no.tilfrisk.volunteer.MatchAction;
import no.tilfrisk.volunteer.Matches;
import no.tilfrisk.volunteer.MeetingForm;
import no.tilfrisk.volunteer.MeetingKind;
import no.tilfrisk.volunteer.ProposalForm;
import no.tilfrisk.volunteer.ScreeningForm;
import no.tilfrisk.volunteer.VolunteerProfileForm;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.Volunteers;
import no.tilfrisk.volunteer.WishForm;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.stereotype.Component;

/**
 * A dozen volunteers of «Demo Recovery», shaped like seed 003's «Tidgivere»: Frida Frivillig (the demo volunteer
 * account, who leads the outdoor group) walks with Dag and one more participant and has ended a third match; the
 * others are tidgivere, medvandrere, a likeperson and a fagfrivillig for finances. Screening: most complete, one
 * police certificate running out within 60 days, one run out (its match goes on), two with a step missing.
 * Matches active, paused, proposed and ended, with meetings over the last year; four participants still wait.
 */
@Component
class DemoVolunteers {

    private enum Screened { FULL, EXPIRING, EXPIRED, NO_TRAINING, NO_POLICE }

    private record Volunteer(String name, Gender gender, int birthYear, VolunteerKind kind, Screened screened,
                             int capacity, String languages, List<String> slots, Set<LifeArea> skills) {
    }

    private static final List<Volunteer> OTHERS = List.of(
            new Volunteer("Tore Tidgiver", Gender.MALE, 1961, VolunteerKind.TIDGIVER, Screened.FULL, 2, "nb",
                    List.of("TUESDAY:EVENING", "SATURDAY:MORNING"), Set.of()),
            new Volunteer("Hege Hansen", Gender.FEMALE, 1975, VolunteerKind.TIDGIVER, Screened.EXPIRED, 1, "nb, en",
                    List.of("WEDNESDAY:AFTERNOON"), Set.of()),
            new Volunteer("Lise Likeperson", Gender.FEMALE, 1983, VolunteerKind.LIKEPERSON, Screened.FULL, 2, "nb",
                    List.of("MONDAY:EVENING", "THURSDAY:EVENING"), Set.of()),
            new Volunteer("Finn Fagfrivillig", Gender.MALE, 1958, VolunteerKind.FAGFRIVILLIG, Screened.EXPIRING, 3,
                    "nb, en", List.of("TUESDAY:MORNING", "THURSDAY:MORNING"), Set.of(LifeArea.ECONOMY)),
            new Volunteer("Mona Medvandrer", Gender.FEMALE, 1990, VolunteerKind.MEDVANDRER, Screened.FULL, 2, "nb, ar",
                    List.of("SATURDAY:MORNING", "SUNDAY:AFTERNOON"), Set.of()),
            new Volunteer("Ali Hassan", Gender.MALE, 1987, VolunteerKind.TIDGIVER, Screened.FULL, 1, "nb, ar, en",
                    List.of("FRIDAY:AFTERNOON"), Set.of()),
            new Volunteer("Berit Berg", Gender.FEMALE, 1952, VolunteerKind.TIDGIVER, Screened.NO_TRAINING, 1, "nb",
                    List.of("WEDNESDAY:MORNING"), Set.of()),
            new Volunteer("Jon Jobbhjelp", Gender.MALE, 1970, VolunteerKind.FAGFRIVILLIG, Screened.FULL, 2, "nb",
                    List.of("MONDAY:AFTERNOON"), Set.of(LifeArea.WORK_EDUCATION)),
            new Volunteer("Siv Sandvik", Gender.FEMALE, 1995, VolunteerKind.MEDVANDRER, Screened.NO_POLICE, 1, "nb",
                    List.of("SUNDAY:MORNING"), Set.of()),
            new Volunteer("Rolf Rustad", Gender.MALE, 1966, VolunteerKind.LIKEPERSON, Screened.FULL, 2, "nb",
                    List.of("THURSDAY:AFTERNOON", "SATURDAY:AFTERNOON"), Set.of()),
            new Volunteer("Anita Aas", Gender.FEMALE, 1979, VolunteerKind.TIDGIVER, Screened.FULL, 1, "nb, en",
                    List.of("TUESDAY:EVENING"), Set.of()));

    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final Consents consents;
    private final UserAccounts accounts;
    private final Mappings mappings;
    private final Plans plans;
    private final Volunteers volunteers;
    private final VolunteerWishes wishes;
    private final Matches matches;
    private final Clock clock;

    DemoVolunteers(PersonDirectory persons, PersonSpans spans, Consents consents, UserAccounts accounts,
                   Mappings mappings, Plans plans, Volunteers volunteers, VolunteerWishes wishes, Matches matches,
                   Clock clock) {
        this.persons = persons;
        this.spans = spans;
        this.consents = consents;
        this.accounts = accounts;
        this.mappings = mappings;
        this.plans = plans;
        this.volunteers = volunteers;
        this.wishes = wishes;
        this.matches = matches;
        this.clock = clock;
    }

    void write(Department skien, Department tonsberg, UUID fridaAccount, UUID dag) {
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(16);
        List<UUID> interests = mappings.interests().stream().map(Interest::id).toList();
        UUID frida = volunteer(new Volunteer("Frida Frivillig", Gender.FEMALE, 1980, VolunteerKind.MEDVANDRER,
                Screened.FULL, 3, "nb, en", List.of("TUESDAY:EVENING", "SATURDAY:MORNING", "SUNDAY:AFTERNOON"),
                Set.of()), skien, interests, random, today);
        accounts.linkPerson(fridaAccount, frida);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < OTHERS.size(); i++) {
            others.add(volunteer(OTHERS.get(i), i % 5 == 4 ? tonsberg : skien, interests, random, today));
        }
        List<UUID> participants = new ArrayList<>();
        String[] names = {"Eirik E.", "Gro G.", "Kjell K.", "Laila L.", "Odd O.", "Petra P.", "Randi R.", "Sven S.",
                "Trine T.", "Unni U."};
        for (int i = 0; i < names.length; i++) {
            participants.add(participant(names[i], i % 2 == 0 ? Gender.MALE : Gender.FEMALE, 1960 + 3 * i, skien,
                    today.minusYears(2).plusDays(i)));
        }
        wish(dag, Set.of(Wish.WALK_OUTDOORS, Wish.COMPANY), "Noen å gå tur og fiske med.");
        // Frida: Dag since four weeks, Eirik since nine months, and Gro's match ended with the goal reached
        // the goals shared with the volunteer are picked from the participant's plan: Dag's leisure goal
        match(frida, dag, Wish.WALK_OUTDOORS, today.minusDays(26), null, null, openGoals(dag, LifeArea.LEISURE));
        match(frida, participants.get(0), Wish.COMPANY, today.minusMonths(9), null, null,
                List.of(goal(participants.get(0), LifeArea.NETWORK, "Ha noen å snakke med i hverdagen.")));
        match(frida, participants.get(1), Wish.WALK_OUTDOORS, today.minusMonths(12), today.minusMonths(3),
                EndReason.GOAL_REACHED, List.of());
        match(others.get(0), participants.get(2), Wish.COMPANY, today.minusMonths(11), null, null, List.of());
        match(others.get(1), participants.get(3), Wish.LEISURE_ACTIVITY, today.minusMonths(10), null, null, List.of());
        match(others.get(3), participants.get(4), Wish.FINANCES, today.minusMonths(8), today.minusMonths(2),
                EndReason.GOAL_REACHED, List.of(goal(participants.get(4), LifeArea.ECONOMY, "Få oversikt over regningene.")));
        match(others.get(2), participants.get(5), Wish.COMPANY, today.minusMonths(6), today.minusMonths(4),
                EndReason.MOVED, List.of());
        expire(others.get(1), today);
        UUID paused = match(others.get(4), participants.get(5), Wish.WALK_OUTDOORS, today.minusMonths(3), null, null,
                List.of());
        matches.act(paused, MatchAction.PAUSE, null, today.minusWeeks(2));
        propose(others.get(5), participants.get(6), Wish.COMPANY, today.minusDays(5));
        wish(participants.get(7), Set.of(Wish.FINANCES, Wish.PAPERWORK), "Hjelp med regninger og NAV-brev.");
        wish(participants.get(8), Set.of(Wish.WALK_OUTDOORS), "Noen å gå tur med i helgene.");
        wish(participants.get(9), Set.of(Wish.JOB_SEARCH), "Hjelp til å skrive CV.");
        wish(participants.get(6), Set.of(Wish.COMPANY), "Noen å ta en kaffe med.");
        wish(participants.get(2), Set.of(Wish.LEISURE_ACTIVITY, Wish.COMPANY), null);
    }

    private UUID volunteer(Volunteer v, Department department, List<UUID> interests, Random random, LocalDate today) {
        UUID id = person(v.name(), v.gender(), v.birthYear(), department, PersonRole.VOLUNTEER, today.minusYears(2));
        VolunteerProfileForm p = new VolunteerProfileForm();
        p.setKind(v.kind());
        p.setLanguages(v.languages());
        p.setMunicipality(department.municipality());
        p.setArea(random.nextBoolean() ? "Sentrum" : null);
        p.setAvailability(v.slots());
        p.setSkillAreas(List.copyOf(v.skills()));
        p.setCapacity(v.capacity());
        p.setPresentation(v.name().split(" ")[0] + " liker å gå tur og ta en kaffe, og har god tid til å lytte.");
        if (!interests.isEmpty()) {
            p.setInterestIds(List.of(interests.get(random.nextInt(interests.size()))));
        }
        if (v.kind() == VolunteerKind.FAGFRIVILLIG) {
            p.setWontDo(List.of(Wish.WALK_OUTDOORS));
        }
        volunteers.saveProfile(id, p);
        ScreeningForm s = new ScreeningForm();
        // a fresh certificate for now; the expired one is dated back once its match has started
        s.setPoliceSeenOn(v.screened() == Screened.NO_POLICE ? null
                : v.screened() == Screened.EXPIRING ? today.minusYears(3).plusDays(30) : today.minusMonths(13));
        s.setPoliceSeenBy(s.getPoliceSeenOn() == null ? null : "Kari Koordinator");
        s.setConfidentialitySignedOn(today.minusMonths(13));
        if (v.screened() != Screened.NO_TRAINING) {
            s.setTrainingCourse("Grunnkurs for tidgivere");
            s.setTrainingOn(today.minusMonths(12).minusDays(10));
        }
        s.setInterviewOn(today.minusMonths(13));
        volunteers.saveScreening(id, s);
        return id;
    }

    /** The expired certificate is set last, so its match began while it was valid and goes on. */
    private void expire(UUID volunteer, LocalDate today) {
        ScreeningForm s = new ScreeningForm();
        s.setPoliceSeenOn(today.minusYears(3).minusDays(10));
        s.setPoliceSeenBy("Kari Koordinator");
        s.setConfidentialitySignedOn(today.minusMonths(13));
        s.setTrainingCourse("Grunnkurs for tidgivere");
        s.setTrainingOn(today.minusMonths(12).minusDays(10));
        s.setInterviewOn(today.minusMonths(13));
        volunteers.saveScreening(volunteer, s);
    }

    private UUID participant(String name, Gender gender, int birthYear, Department department, LocalDate since) {
        return person(name, gender, birthYear, department, PersonRole.PARTICIPANT, since);
    }

    private UUID person(String name, Gender gender, int birthYear, Department department, PersonRole role,
                        LocalDate since) {
        PersonForm form = new PersonForm();
        form.setDisplayName(name);
        form.setBirthYear(birthYear);
        form.setGender(gender);
        form.setMunicipality(department.municipality());
        form.setPhone(String.format("4%02d %02d %03d", birthYear % 100, name.length(), birthYear));
        form.setConfirmDuplicate(true);
        UUID id = ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        spans.addRole(id, role, since);
        spans.addMembership(id, department.id(), since);
        consents.give(id, new ConsentForm(ConsentPurpose.REGISTRATION, ConsentMethod.SIGNED, null, null));
        return id;
    }

    /** The participant's open goals in this life area (as their plan has them). */
    private List<UUID> openGoals(UUID participant, LifeArea area) {
        return plans.plan(participant).allGoals().stream().filter(g -> g.status().open() && g.lifeArea() == area)
                .map(Goal::id).toList();
    }

    private UUID goal(UUID participant, LifeArea area, String text) {
        GoalForm g = new GoalForm();
        g.setLifeArea(area);
        g.setText(text);
        g.setStatus(PlanStatus.IN_PROGRESS);
        return plans.addGoal(UUID.randomUUID(), participant, g);
    }

    private void wish(UUID participant, Set<Wish> kinds, String text) {
        WishForm w = new WishForm();
        w.setWishes(List.copyOf(kinds));
        w.setText(text);
        w.setLanguages("nb");
        w.setAvailability(List.of("TUESDAY:EVENING", "SATURDAY:MORNING"));
        wishes.save(participant, w);
    }

    private UUID propose(UUID volunteer, UUID participant, Wish kind, LocalDate on) {
        ProposalForm f = new ProposalForm(participant, volunteer, kind);
        f.setProposedOn(on);
        return matches.propose(UUID.randomUUID(), f);
    }

    /** A match that started a few days after {@code start}, with a meeting every week or two until it ended. */
    private UUID match(UUID volunteer, UUID participant, Wish kind, LocalDate start, LocalDate end, EndReason reason,
                       List<UUID> sharedGoals) {
        LocalDate today = LocalDate.now(clock);
        ProposalForm f = new ProposalForm(participant, volunteer, kind);
        f.setProposedOn(start);
        f.setGoalIds(sharedGoals);
        UUID id = matches.propose(UUID.randomUUID(), f);
        // the participant's yes with their written consent to share with this volunteer, by name
        matches.acceptForParticipant(id, ConsentMethod.SIGNED, start.plusDays(2));
        matches.act(id, MatchAction.ACCEPT_FOR_VOLUNTEER, null, start.plusDays(3));
        LocalDate started = start.plusDays(3);
        LocalDate last = end == null ? today : end;
        int n = 0;
        for (LocalDate d = started.plusDays(4); !d.isAfter(last); d = d.plusDays(n % 3 == 0 ? 14 : 7)) {
            MeetingForm m = new MeetingForm();
            m.setMetOn(d);
            m.setHours(BigDecimal.valueOf(n % 4 == 0 ? 3 : n % 4 == 1 ? 1.5 : 2));
            m.setWhat(kind == Wish.FINANCES ? MeetingKind.FINANCES : n % 2 == 0 ? MeetingKind.WALK : MeetingKind.TALK);
            m.setNote(n == 0 ? "Første møte gikk fint." : null);
            matches.recordMeeting(UUID.randomUUID(), id, m);
            n++;
        }
        for (CheckIn c : CheckIn.values()) {
            if (!c.dueFrom(started).isAfter(today.minusWeeks(1))) {
                matches.checkIn(id, c);
            }
        }
        if (end != null) {
            matches.act(id, MatchAction.END, reason, end);
        }
        return id;
    }
}

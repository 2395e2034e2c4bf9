package no.tilfrisk.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.tilfrisk.People;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.boot.test.context.TestComponent;

/** Volunteers, participants, matches and meetings for the volunteer module's tests, written through the services. */
@TestComponent
public class VolunteerFixtures {

    private final People people;
    private final PersonSpans spans;
    private final Volunteers volunteers;
    private final VolunteerWishes wishes;
    private final Matches matches;
    private final Plans plans;
    private final Clock clock;
    /** The participants who consent to share with the volunteers of their active matches. */
    private final Set<UUID> sharing = ConcurrentHashMap.newKeySet();
    /** Each participant's plan goal «Delt mål …», which their proposals share (their other goal stays private). */
    private final Map<UUID, UUID> sharedGoal = new ConcurrentHashMap<>();

    VolunteerFixtures(People people, PersonSpans spans, Volunteers volunteers,
                      VolunteerWishes wishes, Matches matches, Plans plans, Clock clock) {
        this.plans = plans;
        this.people = people;
        this.spans = spans;
        this.volunteers = volunteers;
        this.wishes = wishes;
        this.matches = matches;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A person with the volunteer role, a profile (capacity 2) and a complete screening seen on this day. */
    public UUID volunteer(UUID organisation, String department, String name, LocalDate policeSeenOn) {
        UUID id = people.register(organisation, department, name);
        return People.asSystem(organisation, () -> {
            spans.addRole(id, PersonRole.VOLUNTEER, today().minusYears(1));
            VolunteerProfileForm p = new VolunteerProfileForm();
            p.setKind(VolunteerKind.TIDGIVER);
            p.setCapacity(2);
            p.setLanguages("nb");
            volunteers.saveProfile(id, p);
            if (policeSeenOn != null) {
                volunteers.saveScreening(id, screening(policeSeenOn));
            }
            return id;
        });
    }

    /** Room for many more matches: the demo volunteer is matched in many tests that share one database. */
    public void roomFor(UUID organisation, UUID volunteer) {
        People.asSystem(organisation, () -> {
            VolunteerProfileForm p = VolunteerProfileForm.of(volunteers.profile(volunteer).orElseThrow());
            p.setCapacity(20);
            volunteers.saveProfile(volunteer, p);
            volunteers.saveScreening(volunteer, screening(today().minusDays(5)));
            return null;
        });
    }

    public static ScreeningForm screening(LocalDate policeSeenOn) {
        ScreeningForm s = new ScreeningForm();
        s.setPoliceSeenOn(policeSeenOn);
        s.setPoliceSeenBy("Kari Koordinator");
        s.setConfidentialitySignedOn(policeSeenOn);
        s.setTrainingCourse("Grunnkurs");
        s.setTrainingOn(policeSeenOn);
        s.setInterviewOn(policeSeenOn);
        return s;
    }

    /**
     * A participant who wants a volunteer and, unless {@code share} is false, consents to share with each volunteer
     * whose match they say yes to in {@link #active} (the consent names the volunteer).
     */
    public UUID participant(UUID organisation, String department, String name, boolean share) {
        UUID id = people.register(organisation, department, name);
        if (share) {
            sharing.add(id);
        }
        People.asSystem(organisation, () -> {
            sharedGoal.put(id, goal(id, sharedGoalText(id)));
            goal(id, privateGoalText(id));
            WishForm w = new WishForm();
            w.setWishes(List.of(Wish.COMPANY));
            w.setText("Noen å prate med");
            wishes.save(id, w);
            return id;
        });
        return id;
    }

    /** The words of the participant's goal that their proposals share (no id in it: pages must not show ids). */
    public static String sharedGoalText(UUID participant) {
        return "Delt mål " + participant.toString().substring(0, 8);
    }

    /** The words of the participant's other goal, which stays private. */
    public static String privateGoalText(UUID participant) {
        return "Privat mål " + participant.toString().substring(0, 8);
    }

    /** The participant's plan goal that their proposals share. */
    public UUID sharedGoalOf(UUID participant) {
        return sharedGoal.get(participant);
    }

    private UUID goal(UUID participant, String text) {
        GoalForm g = new GoalForm();
        g.setLifeArea(LifeArea.NETWORK);
        g.setText(text);
        return plans.addGoal(UUID.randomUUID(), participant, g);
    }

    public UUID proposed(UUID organisation, UUID volunteer, UUID participant) {
        return People.asSystem(organisation, () -> {
            ProposalForm f = new ProposalForm(participant, volunteer, Wish.COMPANY);
            f.setProposedOn(today().minusDays(20));
            if (sharedGoal.containsKey(participant)) {
                f.setGoalIds(List.of(sharedGoal.get(participant)));
            }
            return matches.propose(UUID.randomUUID(), f);
        });
    }

    /**
     * A match both accepted 20 days ago, with one meeting and its 2-week check-in done; the participant's yes carries
     * their consent to share with this volunteer if they were registered to share.
     */
    public UUID active(UUID organisation, UUID volunteer, UUID participant) {
        return active(organisation, volunteer, participant, sharing.contains(participant));
    }

    /** As {@link #active(UUID, UUID, UUID)}, sharing with this volunteer or not. */
    public UUID active(UUID organisation, UUID volunteer, UUID participant, boolean share) {
        UUID id = proposed(organisation, volunteer, participant);
        return People.asSystem(organisation, () -> {
            matches.acceptForParticipant(id, share ? ConsentMethod.SIGNED : null, today().minusDays(20));
            matches.act(id, MatchAction.ACCEPT_FOR_VOLUNTEER, null, today().minusDays(20));
            MeetingForm m = new MeetingForm();
            m.setMetOn(today().minusDays(10));
            m.setHours(new BigDecimal("2.5"));
            m.setWhat(MeetingKind.WALK);
            m.setNote("Notat " + participant);
            matches.recordMeeting(UUID.randomUUID(), id, m);
            // the first check-in done, so that the many matches of the tests crowd no one's «Mine oppgaver»
            matches.checkIn(id, CheckIn.WEEK_2);
            return id;
        });
    }
}

package no.tilfrisk.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.boot.test.context.TestComponent;

/** Volunteers, participants, matches and meetings for the volunteer module's tests, written through the services. */
@TestComponent
public class VolunteerFixtures {

    private final People people;
    private final PersonDirectory persons;
    private final Consents consents;
    private final Volunteers volunteers;
    private final VolunteerWishes wishes;
    private final Matches matches;
    private final Clock clock;

    VolunteerFixtures(People people, PersonDirectory persons, Consents consents, Volunteers volunteers,
                      VolunteerWishes wishes, Matches matches, Clock clock) {
        this.people = people;
        this.persons = persons;
        this.consents = consents;
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
            persons.addRole(id, PersonRole.VOLUNTEER, today().minusYears(1));
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

    /** A participant who consents to share with their volunteer (unless {@code share} is false) and wants one. */
    public UUID participant(UUID organisation, String department, String name, boolean share) {
        UUID id = people.register(organisation, department, name);
        People.asSystem(organisation, () -> {
            if (share) {
                consents.give(id, new ConsentForm(ConsentPurpose.SHARE_WITH_VOLUNTEER, ConsentMethod.SIGNED, null, null));
            }
            WishForm w = new WishForm();
            w.setWishes(List.of(Wish.COMPANY));
            w.setText("Noen å prate med");
            wishes.save(id, w);
            return id;
        });
        return id;
    }

    public UUID proposed(UUID organisation, UUID volunteer, UUID participant) {
        return People.asSystem(organisation, () -> {
            ProposalForm f = new ProposalForm(participant, volunteer, Wish.COMPANY);
            f.setProposedOn(today().minusDays(20));
            f.setSharedGoals("Delt mål " + participant);
            return matches.propose(UUID.randomUUID(), f);
        });
    }

    /** A match both accepted 20 days ago, with one meeting and its 2-week check-in done. */
    public UUID active(UUID organisation, UUID volunteer, UUID participant) {
        UUID id = proposed(organisation, volunteer, participant);
        return People.asSystem(organisation, () -> {
            matches.act(id, MatchAction.ACCEPT_FOR_PARTICIPANT, null, today().minusDays(20));
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

package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.Consent;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.matching.Wish;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of the volunteer services: screening before a match, an expired certificate that blocks new matches
 * and ends none, capacity, a second yes, a meeting's bad input (nothing half-saved), double submits, another
 * organisation's ids, and what a volunteer sees of a participant (only with consent and while the match runs).
 */
@TilfriskTest
class VolunteerServicesTest {

    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Matches matches;
    @Autowired
    MyVolunteering mine;
    @Autowired
    ParticipantMatches participantMatches;
    @Autowired
    MatchSharing sharing;
    @Autowired
    Plans plans;
    @Autowired
    Consents consents;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    private String name(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> T demo(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }

    private static void refused(Runnable work, String field, String code) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.all()).anySatisfy(x -> {
                    assertThat(x.field()).isEqualTo(field);
                    assertThat(x.code()).isEqualTo(code);
                }));
    }

    @Test
    void aVolunteerWithoutCompleteScreeningCannotBeProposedAndTheListSaysWhatIsMissing() {
        UUID unscreened = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Uscreenet"), null);
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Deltaker"), true);
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(participant, unscreened, Wish.COMPANY))),
                "volunteerId", "volunteer.match.screening");
        VolunteerSummary line = demo(() -> volunteers.list()).stream().filter(v -> v.personId().equals(unscreened))
                .findFirst().orElseThrow();
        assertThat(line.screening().missing()).containsExactly(ScreeningStep.values());
        // training missing only
        ScreeningForm partial = VolunteerFixtures.screening(fixtures.today().minusDays(3));
        partial.setTrainingOn(null);
        partial.setTrainingCourse(null);
        demo(() -> { volunteers.saveScreening(unscreened, partial); return null; });
        assertThat(demo(() -> volunteers.status(unscreened)).missing()).containsExactly(ScreeningStep.TRAINING);
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(participant, unscreened, Wish.COMPANY))),
                "volunteerId", "volunteer.match.screening");
        assertThat(demo(() -> matches.ofParticipant(participant))).isEmpty();
    }

    @Test
    void anExpiredCertificateEndsNothingButBlocksNewMatchesAndShowsOnTheList() {
        LocalDate today = fixtures.today();
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Utløper"), today.minusDays(40));
        UUID first = fixtures.participant(DEMO_RECOVERY, "Skien", name("Første"), true);
        UUID second = fixtures.participant(DEMO_RECOVERY, "Skien", name("Andre"), true);
        UUID match = fixtures.active(DEMO_RECOVERY, volunteer, first);
        // three years (the default) after it was seen: gone yesterday
        demo(() -> { volunteers.saveScreening(volunteer, VolunteerFixtures.screening(today.minusYears(3).minusDays(1))); return null; });
        VolunteerSummary line = demo(() -> volunteers.list()).stream().filter(v -> v.personId().equals(volunteer))
                .findFirst().orElseThrow();
        assertThat(line.screening().expired()).isTrue();
        assertThat(line.screening().policeExpiresOn()).isEqualTo(today.minusDays(1));
        assertThat(demo(() -> matches.get(match)).match().state()).isEqualTo(MatchState.ACTIVE);
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(second, volunteer, Wish.COMPANY))),
                "volunteerId", "volunteer.match.screening");
        // runs out in 59 days: still matchable, shown as expiring
        demo(() -> { volunteers.saveScreening(volunteer, VolunteerFixtures.screening(today.minusYears(3).plusDays(59))); return null; });
        Screening.Status status = demo(() -> volunteers.status(volunteer));
        assertThat(status.expiring()).isTrue();
        assertThat(status.complete()).isTrue();
        assertThat(demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(second, volunteer, Wish.COMPANY)))).isNotNull();
    }

    @Test
    void aVolunteerAtCapacityIsRefusedAndADoubleSubmitProposesOnce() {
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Full"), fixtures.today().minusDays(3));
        UUID a = fixtures.participant(DEMO_RECOVERY, "Skien", name("A"), true);
        UUID b = fixtures.participant(DEMO_RECOVERY, "Skien", name("B"), true);
        UUID c = fixtures.participant(DEMO_RECOVERY, "Skien", name("C"), true);
        UUID formId = UUID.randomUUID();
        demo(() -> matches.propose(formId, new ProposalForm(a, volunteer, Wish.COMPANY)));
        demo(() -> matches.propose(formId, new ProposalForm(a, volunteer, Wish.COMPANY)));
        assertThat(demo(() -> matches.ofParticipant(a))).hasSize(1);
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(a, volunteer, Wish.COMPANY))),
                "volunteerId", "volunteer.match.blocked.alreadyMatched");
        demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(b, volunteer, Wish.COMPANY)));
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(c, volunteer, Wish.COMPANY))),
                "volunteerId", "volunteer.match.capacity");
        assertThat(demo(() -> matches.ofParticipant(c))).isEmpty();
    }

    @Test
    void aSecondYesIsAMessageAndChangesNothing() {
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Ja"), fixtures.today().minusDays(3));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Ja"), true);
        UUID match = fixtures.proposed(DEMO_RECOVERY, volunteer, participant);
        demo(() -> matches.act(match, MatchAction.ACCEPT_FOR_PARTICIPANT, null));
        refused(() -> demo(() -> matches.act(match, MatchAction.ACCEPT_FOR_PARTICIPANT, null)), "state",
                "volunteer.match.accepted.twice");
        Matches.MatchView view = demo(() -> matches.get(match));
        assertThat(view.match().state()).isEqualTo(MatchState.ACCEPTED_BY_PARTICIPANT);
        assertThat(view.events()).extracting(MatchEvent::to)
                .containsExactly(MatchState.PROPOSED, MatchState.ACCEPTED_BY_PARTICIPANT);
    }

    @Test
    void aMeetingWithBadInputIsRefusedFieldByFieldAndNothingIsSaved() {
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Møte"), fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Møte"), true);
        UUID match = fixtures.active(DEMO_RECOVERY, volunteer, participant);
        LocalDate started = demo(() -> matches.get(match)).match().startedOn();
        Consumer<MeetingForm> none = f -> { };
        assertRefused(match, f -> f.setHours(new BigDecimal("25")), "hours", "volunteer.meeting.hours.range");
        assertRefused(match, f -> f.setHours(new BigDecimal("-1")), "hours", "volunteer.meeting.hours.range");
        assertRefused(match, f -> f.setHours(BigDecimal.ZERO), "hours", "volunteer.meeting.hours.range");
        assertRefused(match, f -> f.setHours(null), "hours", "volunteer.meeting.hours.required");
        assertRefused(match, f -> f.setMetOn(started.minusDays(1)), "metOn", "volunteer.meeting.date.beforeStart");
        assertRefused(match, f -> f.setMetOn(fixtures.today().plusDays(1)), "metOn", "volunteer.meeting.date.future");
        assertRefused(match, f -> f.setWhat(null), "what", "volunteer.meeting.what.required");
        assertThat(meetings(match)).isEqualTo(1);
        UUID id = UUID.randomUUID();
        demo(() -> matches.recordMeeting(id, match, meeting(none)));
        demo(() -> matches.recordMeeting(id, match, meeting(none)));
        assertThat(meetings(match)).isEqualTo(2);
        demo(() -> matches.act(match, MatchAction.PAUSE, null));
        assertRefused(match, none, "metOn", "volunteer.meeting.notActive");
        assertThat(meetings(match)).isEqualTo(2);
    }

    @Test
    void anotherOrganisationsIdsAreNotFound() {
        UUID volunteer = fixtures.volunteer(OTHER_ORGANISATION, "Bergen", name("Annen"), fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(OTHER_ORGANISATION, "Bergen", name("Annen"), true);
        UUID match = fixtures.active(OTHER_ORGANISATION, volunteer, participant);
        assertThatThrownBy(() -> demo(() -> matches.get(match))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> demo(() -> matches.recordMeeting(UUID.randomUUID(), match, meeting(f -> { }))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> demo(() -> volunteers.screening(volunteer))).isInstanceOf(NotFoundException.class);
        UUID own = fixtures.participant(DEMO_RECOVERY, "Skien", name("Egen"), true);
        refused(() -> demo(() -> matches.propose(UUID.randomUUID(), new ProposalForm(own, volunteer, Wish.COMPANY))),
                "volunteerId", "volunteer.match.volunteer.unknown");
    }

    @Test
    void theVolunteerSeesOnlySharedFieldsWithConsentWhileTheMatchRunsAndNothingAfterwards() {
        UserDetails frida = users.loadUserByUsername("frivillig@demo.tilfrisk.no");
        UUID fridaPerson = fridaPerson();
        fixtures.roomFor(DEMO_RECOVERY, fridaPerson);
        String participantName = name("Delt");
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", participantName, true);
        UUID match = fixtures.proposed(DEMO_RECOVERY, fridaPerson, participant);
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThat(People.as(frida, () -> mine.proposals())).anyMatch(p -> p.matchId().equals(match));
        People.as(frida, () -> mine.accept(match));
        refused(() -> People.as(frida, () -> mine.accept(match)), "state", "volunteer.match.accepted.twice");
        // the participant's yes without consent: running, but Frida sees nothing
        demo(() -> matches.acceptForParticipant(match, null, null));
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match))).isInstanceOf(NotFoundException.class);
        // the consent recorded by staff names Frida: now she sees the shared fields
        demo(() -> { sharing.recordConsent(match, ConsentMethod.SIGNED); return null; });
        MyVolunteering.SharedParticipant shared = People.as(frida, () -> mine.participant(match));
        assertThat(shared.displayName()).isEqualTo(participantName);
        // exactly the goal chosen from the plan, in the participant's words; not the other goal of the plan
        assertThat(shared.goals()).containsExactly(VolunteerFixtures.sharedGoalText(participant));
        Consent named = demo(() -> consents.of(participant)).stream()
                .filter(c -> c.active() && c.purpose() == ConsentPurpose.SHARE_WITH_VOLUNTEER).findFirst().orElseThrow();
        assertThat(named.volunteerId()).isEqualTo(fridaPerson);
        assertThat(named.volunteerName()).isEqualTo("Frida Frivillig");
        // withdrawn: gone at once
        demo(() -> { consents.withdraw(participant, named.id(), ConsentMethod.VERBAL); return null; });
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(frida, () -> mine.meetings(match))).isInstanceOf(NotFoundException.class);
        // given again, then the match ends: gone again
        demo(() -> consents.give(participant, ConsentForm.shareWithVolunteer(ConsentMethod.SIGNED, fridaPerson)));
        assertThat(People.as(frida, () -> mine.participants())).anyMatch(p -> p.displayName().equals(participantName));
        demo(() -> matches.act(match, MatchAction.END, EndReason.DID_NOT_WORK));
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aConsentNamingAnotherVolunteerNeverShowsTheParticipantToThisOne() {
        UserDetails frida = users.loadUserByUsername("frivillig@demo.tilfrisk.no");
        UUID fridaPerson = fridaPerson();
        fixtures.roomFor(DEMO_RECOVERY, fridaPerson);
        String participantName = name("Annens");
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", participantName, false);
        UUID other = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Annen"), fixtures.today().minusDays(30));
        // running with both; the participant consents to share with the other volunteer only
        UUID theirs = fixtures.active(DEMO_RECOVERY, other, participant, true);
        UUID fridas = fixtures.active(DEMO_RECOVERY, fridaPerson, participant, false);
        assertThat(demo(() -> matches.get(theirs)).shared()).isTrue();
        assertThat(demo(() -> matches.get(fridas)).shared()).isFalse();
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(fridas))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(theirs))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(frida, () -> mine.logMeeting(UUID.randomUUID(), fridas, meeting(f -> { }))))
                .isInstanceOf(NotFoundException.class);
        // a general «share with volunteers» cannot be given any more: the consent names the volunteer
        refused(() -> demo(() -> consents.give(participant,
                new ConsentForm(ConsentPurpose.SHARE_WITH_VOLUNTEER, ConsentMethod.SIGNED, null, null))),
                "volunteerId", "consent.volunteer.required");
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        // ended, so Frida keeps room for the other tests' matches
        demo(() -> matches.act(fridas, MatchAction.END, EndReason.DID_NOT_WORK));
    }

    @Test
    void theParticipantStopsSharingOnMinSideAndTheVolunteerSeesThemNoMoreAtOnce() {
        UserDetails frida = users.loadUserByUsername("frivillig@demo.tilfrisk.no");
        UserDetails dag = users.loadUserByUsername("deltaker@demo.tilfrisk.no");
        // the demo's running match of Frida and Dag, with Dag's written consent naming Frida
        ParticipantMatches.MyMatch match = People.as(dag, () -> participantMatches.mine()).stream()
                .filter(m -> m.volunteerName().equals("Frida Frivillig") && m.state().running()).findFirst().orElseThrow();
        assertThat(match.shared()).isTrue();
        assertThat(People.as(frida, () -> mine.participants())).anyMatch(p -> p.matchId().equals(match.matchId()));
        try {
            People.as(dag, () -> { participantMatches.stopSharing(match.matchId()); return null; });
            assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.matchId().equals(match.matchId()));
            assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match.matchId())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(People.as(dag, () -> participantMatches.mine())).filteredOn(m -> m.matchId().equals(match.matchId()))
                    .singleElement().satisfies(m -> assertThat(m.shared()).isFalse());
        } finally {
            People.as(dag, () -> { participantMatches.share(match.matchId()); return null; });
        }
        assertThat(People.as(frida, () -> mine.participants())).anyMatch(p -> p.matchId().equals(match.matchId()));
    }

    @Test
    void theVolunteerSeesExactlyTheOpenPlanGoalsChosenAndNothingElseOfThePlan() {
        UserDetails frida = users.loadUserByUsername("frivillig@demo.tilfrisk.no");
        UUID fridaPerson = fridaPerson();
        fixtures.roomFor(DEMO_RECOVERY, fridaPerson);
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Mål"), true);
        UUID match = fixtures.active(DEMO_RECOVERY, fridaPerson, participant);
        UUID shared = fixtures.sharedGoalOf(participant);
        assertThat(People.as(frida, () -> mine.participant(match)).goals()).containsExactly(VolunteerFixtures.sharedGoalText(participant));
        // staff see both open goals to choose from, the shared one ticked
        assertThat(demo(() -> matches.get(match)).goals()).extracting(GoalChoice::text, GoalChoice::chosen)
                .containsExactlyInAnyOrder(Tuple.tuple(VolunteerFixtures.sharedGoalText(participant), true),
                        Tuple.tuple(VolunteerFixtures.privateGoalText(participant), false));
        // another person's goal is refused and changes nothing
        UUID stranger = fixtures.participant(DEMO_RECOVERY, "Skien", name("Fremmed"), false);
        refused(() -> demo(() -> { sharing.shareGoals(match, List.of(fixtures.sharedGoalOf(stranger))); return null; }),
                "goalIds", "volunteer.goals.unknown");
        assertThat(People.as(frida, () -> mine.participant(match)).goals()).containsExactly(VolunteerFixtures.sharedGoalText(participant));
        // a goal reached is no longer shown; none chosen, none shown
        demo(() -> {
            GoalForm reached = GoalForm.of(plans.goal(participant, shared));
            reached.setStatus(PlanStatus.REACHED);
            plans.updateGoal(participant, shared, reached);
            return null;
        });
        assertThat(People.as(frida, () -> mine.participant(match)).goals()).isEmpty();
        demo(() -> { sharing.shareGoals(match, List.of()); return null; });
        assertThat(demo(() -> matches.get(match)).goals()).noneMatch(GoalChoice::chosen);
        demo(() -> matches.act(match, MatchAction.END, EndReason.GOAL_REACHED));
    }

    private UUID fridaPerson() {
        UserDetails frida = users.loadUserByUsername("frivillig@demo.tilfrisk.no");
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                accounts.personOf(((TilfriskUser) frida).userId()).orElseThrow()));
    }

    @Test
    void theCheckInsFallDueAfterTwoWeeksSixWeeksAndThreeMonthsForTheCoordinator() {
        UserDetails coordinator = users.loadUserByUsername("koordinator@demo.tilfrisk.no");
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Sjekk"), fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Sjekk"), true);
        UUID match = fixtures.proposed(DEMO_RECOVERY, volunteer, participant);
        LocalDate started = fixtures.today().minusDays(15);
        demo(() -> matches.act(match, MatchAction.ACCEPT_FOR_PARTICIPANT, null, started));
        demo(() -> matches.act(match, MatchAction.ACCEPT_FOR_VOLUNTEER, null, started));
        // two weeks after the start: due yesterday, shown as the match's one check-in
        assertThat(People.as(coordinator, () -> matches.checkInsDue(fixtures.today())))
                .filteredOn(d -> d.matchId().equals(match)).singleElement()
                .satisfies(d -> {
                    assertThat(d.step()).isEqualTo(CheckIn.WEEK_2);
                    assertThat(d.due()).isEqualTo(started.plusWeeks(2));
                });
        People.as(coordinator, () -> { matches.checkIn(match, CheckIn.WEEK_2); return null; });
        // the next is six weeks after the start: not within the next two weeks, then due
        assertThat(People.as(coordinator, () -> matches.checkInsDue(fixtures.today().plusDays(14))))
                .noneMatch(d -> d.matchId().equals(match));
        assertThat(People.as(coordinator, () -> matches.checkInsDue(started.plusWeeks(6))))
                .filteredOn(d -> d.matchId().equals(match)).singleElement()
                .satisfies(d -> assertThat(d.step()).isEqualTo(CheckIn.WEEK_6));
        // staff of another department see none of it
        assertThat(People.as(users.loadUserByUsername("admin@annen.tilfrisk.no"), () -> matches.checkInsDue(started.plusYears(1))))
                .noneMatch(d -> d.matchId().equals(match));
    }

    private void assertRefused(UUID match, Consumer<MeetingForm> change, String field, String code) {
        refused(() -> demo(() -> matches.recordMeeting(UUID.randomUUID(), match, meeting(change))), field, code);
    }

    private MeetingForm meeting(Consumer<MeetingForm> change) {
        MeetingForm f = new MeetingForm();
        f.setMetOn(fixtures.today().minusDays(1));
        f.setHours(new BigDecimal("1.5"));
        f.setWhat(MeetingKind.TALK);
        change.accept(f);
        return f;
    }

    private long meetings(UUID match) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT count(*) FROM volunteer_meeting WHERE match_id = ?").param(match).query(Long.class).single()));
    }
}

package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.matching.Wish;
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
        UUID fridaPerson = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                accounts.personOf(((TilfriskUser) frida).userId()).orElseThrow()));
        fixtures.roomFor(DEMO_RECOVERY, fridaPerson);
        String participantName = name("Delt");
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", participantName, true);
        UUID match = fixtures.proposed(DEMO_RECOVERY, fridaPerson, participant);
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThat(People.as(frida, () -> mine.proposals())).anyMatch(p -> p.matchId().equals(match));
        People.as(frida, () -> mine.accept(match));
        refused(() -> People.as(frida, () -> mine.accept(match)), "state", "volunteer.match.accepted.twice");
        demo(() -> matches.act(match, MatchAction.ACCEPT_FOR_PARTICIPANT, null));
        MyVolunteering.SharedParticipant shared = People.as(frida, () -> mine.participant(match));
        assertThat(shared.displayName()).isEqualTo(participantName);
        assertThat(shared.sharedGoals()).isEqualTo("Delt mål " + participant);
        // withdrawn: gone at once
        UUID consent = demo(() -> consents.of(participant)).stream()
                .filter(c -> c.active() && c.purpose() == ConsentPurpose.SHARE_WITH_VOLUNTEER).findFirst().orElseThrow().id();
        demo(() -> { consents.withdraw(participant, consent, ConsentMethod.VERBAL); return null; });
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match))).isInstanceOf(NotFoundException.class);
        // given again, then the match ends: gone again
        demo(() -> consents.give(participant, new ConsentForm(ConsentPurpose.SHARE_WITH_VOLUNTEER, ConsentMethod.SIGNED, null, null)));
        assertThat(People.as(frida, () -> mine.participants())).anyMatch(p -> p.displayName().equals(participantName));
        demo(() -> matches.act(match, MatchAction.END, EndReason.DID_NOT_WORK));
        assertThat(People.as(frida, () -> mine.participants())).noneMatch(p -> p.displayName().equals(participantName));
        assertThatThrownBy(() -> People.as(frida, () -> mine.participant(match))).isInstanceOf(NotFoundException.class);
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

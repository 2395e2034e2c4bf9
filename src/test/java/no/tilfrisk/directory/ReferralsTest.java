package no.tilfrisk.directory;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Referrals from a person's page: consent is needed where the offer takes people by name, the referral and its
 * outcome go on the timeline (the offer's name, never the reason), and the annual report's figures count persons
 * by their latest outcome, checked against a hand count.
 */
@TilfriskTest
class ReferralsTest {

    @Autowired
    Offers offers;
    @Autowired
    Referrals referrals;
    @Autowired
    People people;
    @Autowired
    List<TimelineSource> timelines;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;

    @Test
    void aReferralNeedsConsentWhereTheOfferTakesNamesAndShowsOnTheTimeline() {
        DirectoryFixtures f = DirectoryFixtures.create(offers);
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Henvist " + UUID.randomUUID());
        LocalDate today = LocalDate.now(Dates.OSLO);
        LocalDate from = today.minusDays(1);
        ReferralFigures before = People.asSystem(DEMO_RECOVERY, () -> referrals.figures(from, today));

        ReferralForm toCafe = new ReferralForm();
        toCafe.setOfferId(f.weekendCafe());
        toCafe.setReason("Vil møte andre som har vært der");
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> referrals.refer(UUID.randomUUID(), person, toCafe)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("consentToShare"));
        toCafe.setConsentToShare(true);
        UUID cafe = UUID.randomUUID();
        People.asSystem(DEMO_RECOVERY, () -> referrals.refer(cafe, person, toCafe));
        People.asSystem(DEMO_RECOVERY, () -> referrals.refer(cafe, person, toCafe));
        ReferralForm toDayCentre = new ReferralForm();
        toDayCentre.setOfferId(f.dayCentre());
        UUID day = People.asSystem(DEMO_RECOVERY, () -> referrals.refer(UUID.randomUUID(), person, toDayCentre));
        People.asSystem(DEMO_RECOVERY, () -> {
            referrals.outcome(person, cafe, ReferralOutcome.STARTED);
            return null;
        });

        List<Referral> list = People.asSystem(DEMO_RECOVERY, () -> referrals.forPerson(person));
        assertThat(list).hasSize(2).extracting(Referral::id).contains(cafe, day);
        // the person page asks its sources inside its transaction
        List<TimelineEntry> entries = People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> timelines.stream()
                .flatMap(t -> t.entriesFor(person).stream()).filter(e -> e.messageKey().startsWith("timeline.referral")).toList()));
        assertThat(entries).extracting(TimelineEntry::messageKey)
                .containsExactlyInAnyOrder("timeline.referral", "timeline.referral", "timeline.referral.STARTED");
        assertThat(entries).extracting(TimelineEntry::detail).allSatisfy(d -> assertThat(d).contains(f.word()))
                .noneSatisfy(d -> assertThat(d).contains("Vil møte"));

        // by hand: two referrals, one person, whose latest referral (the day centre, same day, made last) has no outcome
        ReferralFigures after = People.asSystem(DEMO_RECOVERY, () -> referrals.figures(from, today));
        assertThat(after.referrals() - before.referrals()).isEqualTo(2);
        assertThat(after.persons() - before.persons()).isEqualTo(1);
        assertThat(after.noOutcome() - before.noOutcome()).isEqualTo(1);
        assertThat(after.started() - before.started()).isZero();
        assertThat(after.started() + after.didNotStart() + after.waiting() + after.noOutcome()).isEqualTo(after.persons());
    }

    @Test
    void theReferralsAreInThePersonsExportAndItsPrintPage() throws Exception {
        DirectoryFixtures f = DirectoryFixtures.create(offers);
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Eksport " + UUID.randomUUID());
        ReferralForm toCafe = new ReferralForm();
        toCafe.setOfferId(f.weekendCafe());
        toCafe.setReason("Vil møte andre");
        toCafe.setConsentToShare(true);
        UUID cafe = People.asSystem(DEMO_RECOVERY, () -> referrals.refer(UUID.randomUUID(), person, toCafe));
        People.asSystem(DEMO_RECOVERY, () -> {
            referrals.outcome(person, cafe, ReferralOutcome.WAITING);
            return null;
        });
        String json = mvc.perform(get("/api/v1/persons/" + person + "/export").header("Authorization", Demo.bearer("demo-ansatt")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"referrals\":[{", "\"offerName\":\"Helgekafé " + f.word() + "\"",
                "\"reason\":\"Vil møte andre\"", "\"consentToShare\":true", "\"outcome\":\"WAITING\"");
        String print = mvc.perform(get("/persons/" + person + "/export/print").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(print).contains("Henvisninger", "Helgekafé " + f.word() + " (samtykke til å gi navnet videre) – Vil møte andre – Venter");
        // the reading is in the audit trail
        long audited = People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM audit_event WHERE person_id = ? AND what = 'directory.referral' AND action = 'READ'")
                .param(person).query(Long.class).single()));
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }
}

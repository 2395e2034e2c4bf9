package no.tilfrisk.volunteer.matching;

import static no.tilfrisk.volunteer.matching.People.id;
import static no.tilfrisk.volunteer.matching.People.seeker;
import static no.tilfrisk.volunteer.matching.People.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.volunteer.matching.People.CandidateBuilder;
import org.junit.jupiter.api.Test;

class MatchScoreTest {

    static final Slot TUESDAY_EVENING = new Slot(DayOfWeek.TUESDAY, PartOfDay.EVENING);
    static final Slot THURSDAY_MORNING = new Slot(DayOfWeek.THURSDAY, PartOfDay.MORNING);

    /** Kari wants help with her bills; Ola is a fagfrivillig on personal finance in her district. */
    static Seeker kari() {
        return seeker("Kari").likes("fiske", "strikking").speaks("nb").lives("Oslo", "Grünerløkka")
                .free(TUESDAY_EVENING, THURSDAY_MORNING).needs(LifeArea.ECONOMY, LifeArea.HOUSING)
                .wishes(Wish.FINANCES).gender("FEMALE").age(34).build();
    }

    static CandidateBuilder ola() {
        return volunteer("Ola").likes("fiske", "sjakk").speaks("nb", "en").lives("Oslo", "Grünerløkka")
                .free(TUESDAY_EVENING).kind(VolunteerKind.FAGFRIVILLIG, LifeArea.ECONOMY).load(1, 3);
    }

    @Test
    void theScoreIsTheSumOfItsPartsAndEachPartSaysWhy() {
        Suggestion suggestion = MatchScore.score(kari(), ola().build()).orElseThrow();

        // by hand: wish FINANCES fits a fagfrivillig on ECONOMY 15, skill ECONOMY meets a need 15, one shared
        // interest (fiske) 10, same area 20, one common time 5, a shared language 5, load 10 × 2 free / 3 = 6 (int)
        assertThat(suggestion.score()).isEqualTo(15 + 15 + 10 + 20 + 5 + 5 + 6).isEqualTo(76);
        assertThat(suggestion.reasons()).containsExactly(
                Reason.of("volunteer.match.reason.wish.FINANCES"),
                Reason.of("volunteer.match.reason.skill.ECONOMY"),
                Reason.of("volunteer.match.reason.interest", "fiske"),
                Reason.of("volunteer.match.reason.sameArea", "Grünerløkka"),
                Reason.of("volunteer.match.reason.time.EVENING", "tirsdag", "Tuesday"),
                Reason.of("volunteer.match.reason.language", "norsk bokmål", "Norwegian Bokmål"),
                Reason.of("volunteer.match.reason.load", "1", "3"));
        assertThat(in(Locale.forLanguageTag("nb"), suggestion.reasons())).containsExactly(
                "fagfrivillig på økonomi: kan hjelpe med regninger og budsjett, som ønsket",
                "kan hjelpe med økonomi", "begge liker fiske", "samme bydel: Grünerløkka", "begge kan tirsdag kveld",
                "begge snakker norsk bokmål", "har 1 av 3 plasser i bruk");
        assertThat(in(Locale.ENGLISH, suggestion.reasons())).contains("both like fiske",
                "both can meet on Tuesday evenings", "both speak Norwegian Bokmål", "has 1 of 3 places in use");
    }

    @Test
    void sameMunicipalityCountsLessThanSameArea() {
        Seeker kari = kari();
        int sameArea = MatchScore.score(kari, ola().build()).orElseThrow().score();
        Suggestion sameMunicipality = MatchScore.score(kari, ola().lives("Oslo", "Frogner").build()).orElseThrow();
        Suggestion elsewhere = MatchScore.score(kari, ola().lives("Bergen", "Grünerløkka").build()).orElseThrow();

        assertThat(sameArea - sameMunicipality.score()).isEqualTo(20 - 10);
        assertThat(sameMunicipality.reasons()).contains(Reason.of("volunteer.match.reason.sameMunicipality", "Oslo"));
        assertThat(sameArea - elsewhere.score()).as("an area of the same name in another municipality").isEqualTo(20);
    }

    @Test
    void lessLoadedIsBetter() {
        // 10 × free / capacity: 3 free of 3 → 10, 2 of 3 → 6, 1 of 3 → 3
        assertThat(scoreWith(c -> c.load(0, 3))).isEqualTo(70 + 10);
        assertThat(scoreWith(c -> c.load(1, 3))).isEqualTo(70 + 6);
        assertThat(scoreWith(c -> c.load(2, 3))).isEqualTo(70 + 3);
    }

    @Test
    void interestsTimesSkillsAndWishesCountUpToACap() {
        Seeker many = seeker("Per").likes("a", "b", "c", "d", "e")
                .free(slots(5)).needs(LifeArea.ECONOMY, LifeArea.LEGAL, LifeArea.HOUSING)
                .wishes(Wish.FINANCES, Wish.LEGAL_ADVICE, Wish.PAPERWORK).build();
        Candidate all = volunteer("Eva").likes("a", "b", "c", "d", "e").free(slots(5))
                .kind(VolunteerKind.FAGFRIVILLIG, LifeArea.ECONOMY, LifeArea.LEGAL, LifeArea.HOUSING).build();
        Suggestion suggestion = MatchScore.score(many, all).orElseThrow();

        // wishes 2 × 15, skills 2 × 15, interests 3 × 10, times 4 × 5, no place, no language, load 10
        assertThat(suggestion.score()).isEqualTo(30 + 30 + 30 + 20 + 10);
        assertThat(suggestion.reasons()).filteredOn(r -> r.messageKey().endsWith(".interest")).hasSize(5);
        assertThat(suggestion.reasons()).filteredOn(r -> r.messageKey().contains(".time.")).hasSize(3);
        assertThat(suggestion.reasons()).contains(Reason.of("volunteer.match.reason.moreTimes", "2"));
    }

    @Test
    void wishesFitTheKindOfVolunteer() {
        Candidate medvandrer = volunteer("M").kind(VolunteerKind.MEDVANDRER).build();
        Candidate tidgiver = volunteer("T").build();
        Candidate economist = volunteer("F").kind(VolunteerKind.FAGFRIVILLIG, LifeArea.ECONOMY).build();
        Candidate lawyer = volunteer("L").kind(VolunteerKind.FAGFRIVILLIG, LifeArea.LEGAL).build();

        assertThat(MatchScore.fits(Wish.WALK_OUTDOORS, medvandrer)).isTrue();
        assertThat(MatchScore.fits(Wish.WALK_OUTDOORS, tidgiver)).isFalse();
        assertThat(MatchScore.fits(Wish.FINANCES, economist)).isTrue();
        assertThat(MatchScore.fits(Wish.FINANCES, lawyer)).isFalse();
        assertThat(MatchScore.fits(Wish.FINANCES, volunteer("T2").kind(VolunteerKind.TIDGIVER, LifeArea.ECONOMY)
                .build())).as("a skill counts for the wish only for a fagfrivillig").isFalse();
        assertThat(MatchScore.fits(Wish.LEGAL_ADVICE, lawyer)).isTrue();
        assertThat(MatchScore.fits(Wish.COMPANY, tidgiver)).isTrue();
        assertThat(MatchScore.fits(Wish.OTHER, tidgiver)).isFalse();

        Seeker walker = seeker("W").wishes(Wish.WALK_OUTDOORS).build();
        assertThat(MatchScore.score(walker, medvandrer).orElseThrow().score()).isEqualTo(15 + 10);
        assertThat(MatchScore.score(walker, tidgiver).orElseThrow().score()).isEqualTo(10);
    }

    @Test
    void anAllowedPairHasNoBlockers() {
        assertThat(MatchScore.blockers(kari(), ola().build())).isEmpty();
    }

    @Test
    void eachHardRuleOnItsOwnForbidsThePair() {
        Seeker kari = kari();
        assertBlockedBy(kari, ola().screening(false), "volunteer.match.blocked.screening");
        assertBlockedBy(kari, ola().load(3, 3), "volunteer.match.blocked.capacity");
        assertBlockedBy(kari, ola().load(4, 3), "volunteer.match.blocked.capacity");
        assertBlockedBy(kari, ola().prefers("MALE"), "volunteer.match.blocked.gender");
        assertBlockedBy(kari, ola().ages(40, null), "volunteer.match.blocked.age");
        assertBlockedBy(kari, ola().ages(null, 30), "volunteer.match.blocked.age");
        assertBlockedBy(kari, ola().wontDo(Wish.FINANCES), "volunteer.match.blocked.wontDo.FINANCES");
        assertBlockedBy(kari, ola().id(kari.personId()), "volunteer.match.blocked.self");
        assertBlockedBy(kari, ola().matchedWith(kari.personId()), "volunteer.match.blocked.alreadyMatched");
        Seeker withMother = seeker("Kari").relative(id("Kari's mother")).build();
        assertBlockedBy(withMother, ola().matchedWith(id("Kari's mother")), "volunteer.match.blocked.relative");
    }

    @Test
    void rulesThatDoNotApplyForbidNothing() {
        Seeker kari = kari();
        assertThat(MatchScore.blockers(kari, ola().prefers("FEMALE").ages(34, 34).wontDo(Wish.WALK_OUTDOORS)
                .matchedWith(id("someone else")).build())).as("the limits are inclusive").isEmpty();
        Seeker unknown = seeker("Anon").gender(null).age(null).build();
        assertThat(MatchScore.blockers(unknown, ola().ages(40, 50).build())).as("age unknown").isEmpty();
        assertThat(MatchScore.blockers(unknown, ola().prefers("FEMALE").build()))
                .as("a gender preference is not met by an unknown gender")
                .containsExactly(Reason.of("volunteer.match.blocked.gender"));
    }

    @Test
    void severalBlockersAreAllListed() {
        assertThat(MatchScore.blockers(kari(), ola().screening(false).load(3, 3).build()))
                .extracting(Reason::messageKey)
                .containsExactly("volunteer.match.blocked.screening", "volunteer.match.blocked.capacity");
        assertThat(MatchScore.blockers(kari(), ola().screening(false).load(3, 3).build()).get(1).args())
                .containsExactly("3", "3");
    }

    @Test
    void everyKeyTheMatcherCanGiveIsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>(List.of("volunteer.match.blocked.self",
                "volunteer.match.blocked.screening", "volunteer.match.blocked.capacity",
                "volunteer.match.blocked.gender", "volunteer.match.blocked.age",
                "volunteer.match.blocked.alreadyMatched", "volunteer.match.blocked.relative",
                "volunteer.match.reason.interest", "volunteer.match.reason.sameArea",
                "volunteer.match.reason.sameMunicipality", "volunteer.match.reason.moreTimes",
                "volunteer.match.reason.language", "volunteer.match.reason.load"));
        for (Wish wish : Wish.values()) {
            keys.add("volunteer.match.blocked.wontDo." + wish);
            if (wish != Wish.OTHER) {
                keys.add("volunteer.match.reason.wish." + wish);
            }
        }
        for (LifeArea area : LifeArea.values()) {
            keys.add("volunteer.match.reason.skill." + area);
        }
        for (PartOfDay part : PartOfDay.values()) {
            keys.add("volunteer.match.reason.time." + part);
        }
        for (String language : List.of("nb", "en")) {
            Properties messages = messages(language);
            assertThat(keys).as(language).allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
    }

    /**
     * Kari and Ola placed by the shipped centre points. Kari's Grünerløkka is 59.92386, 10.75789 (Kartverket). By hand,
     * with the haversine formula on a sphere of 6,371.0088 km: Gamle Oslo (59.91290, 10.78190) is 1.81 km away,
     * Stovner (59.96166, 10.92835) 10.38 km, Bærum's centre (59.88996, 10.52649) 13.44 km, Bergen's 304 km. Place
     * points are 20 × (40 − km) / 40, rounded: 19, 15, 13 and 0.
     */
    @Test
    void nearerIsBetterByTheGreatCircleDistanceAndAnUnknownPointFallsBackToTheMunicipality() {
        Seeker kari = seeker("Kari").likes("fiske", "strikking").speaks("nb").lives("Oslo", "Grünerløkka").located()
                .free(TUESDAY_EVENING, THURSDAY_MORNING).needs(LifeArea.ECONOMY, LifeArea.HOUSING)
                .wishes(Wish.FINANCES).gender("FEMALE").age(34).build();
        int others = 76 - 20; // the first test's score without its place part (same area, 20)
        assertThat(MatchScore.score(kari, ola().located().build()).orElseThrow().score())
                .as("same area still counts as such").isEqualTo(others + 20);

        Suggestion gamleOslo = MatchScore.score(kari, ola().lives("Oslo", "Gamle Oslo").located().build()).orElseThrow();
        assertThat(gamleOslo.score()).isEqualTo(others + 19);
        assertThat(gamleOslo.reasons()).contains(Reason.of("volunteer.match.reason.distance", "2"))
                .doesNotContain(Reason.of("volunteer.match.reason.sameMunicipality", "Oslo"));
        assertThat(in(Locale.forLanguageTag("nb"), gamleOslo.reasons())).contains("2 km unna");
        assertThat(in(Locale.ENGLISH, gamleOslo.reasons())).contains("2 km away");

        Suggestion stovner = MatchScore.score(kari, ola().lives("Oslo", "Stovner").located().build()).orElseThrow();
        assertThat(stovner.score()).isEqualTo(others + 15);
        assertThat(stovner.reasons()).contains(Reason.of("volunteer.match.reason.distance", "10"));
        // another municipality: its centre point, whatever the area (Sandvika is not listed)
        Suggestion baerum = MatchScore.score(kari, ola().lives("Bærum", "Sandvika").located().build()).orElseThrow();
        assertThat(baerum.score()).isEqualTo(others + 13);
        assertThat(baerum.reasons()).contains(Reason.of("volunteer.match.reason.distance", "13"));
        // too far to add anything, and then no distance is named
        Suggestion bergen = MatchScore.score(kari, ola().lives("Bergen", null).located().build()).orElseThrow();
        assertThat(bergen.score()).isEqualTo(others);
        assertThat(bergen.reasons()).noneMatch(r -> r.messageKey().startsWith("volunteer.match.reason.distance"));

        // in the same municipality without an area's point (none given, or Nordre Aker, not listed): same municipality
        for (String area : new String[] {null, "Nordre Aker"}) {
            Suggestion fallback = MatchScore.score(kari, ola().lives("Oslo", area).located().build()).orElseThrow();
            assertThat(fallback.score()).as(String.valueOf(area)).isEqualTo(others + 10);
            assertThat(fallback.reasons()).contains(Reason.of("volunteer.match.reason.sameMunicipality", "Oslo"));
        }
        // a municipality without a point: nothing for place, as before
        assertThat(MatchScore.score(kari, ola().lives("Lillestrøm", null).located().build()).orElseThrow().score())
                .isEqualTo(others);
        // the same pair without points: same municipality, as before distances
        assertThat(MatchScore.score(kari(), ola().lives("Oslo", "Gamle Oslo").build()).orElseThrow().score())
                .isEqualTo(others + 10);
    }

    @Test
    void distancePointsFallInAStraightLineToNoneAtTheReach() {
        assertThat(MatchScore.distancePoints(0)).isEqualTo(MatchScore.DISTANCE_POINTS).isEqualTo(20);
        assertThat(MatchScore.distancePoints(20)).isEqualTo(10);
        assertThat(MatchScore.distancePoints(39)).isEqualTo(1); // 0.5, rounded up
        assertThat(MatchScore.distancePoints(MatchScore.DISTANCE_REACH_KM)).isZero();
        assertThat(MatchScore.distancePoints(304)).isZero();
        assertThat(MatchScore.DISTANCE_POINTS).as("never more than the same area").isEqualTo(MatchScore.SAME_AREA_POINTS);
    }

    private static int scoreWith(UnaryOperator<CandidateBuilder> change) {
        // Kari and Ola without the load part: 15 + 15 + 10 + 20 + 5 + 5 = 70
        return MatchScore.score(kari(), change.apply(ola()).build()).orElseThrow().score();
    }

    private static Slot[] slots(int count) {
        return List.of(DayOfWeek.values()).subList(0, count).stream().map(d -> new Slot(d, PartOfDay.AFTERNOON))
                .toArray(Slot[]::new);
    }

    private static void assertBlockedBy(Seeker seeker, CandidateBuilder candidate, String key) {
        Candidate built = candidate.build();
        assertThat(MatchScore.blockers(seeker, built)).extracting(Reason::messageKey).as(key).containsExactly(key);
        assertThat(MatchScore.score(seeker, built)).as(key).isEmpty();
    }

    static List<String> in(Locale locale, List<Reason> reasons) {
        Properties messages = messages(locale.getLanguage());
        return reasons.stream().map(reason -> new MessageFormat(messages.getProperty(reason.messageKey()), locale)
                .format(reason.args().toArray())).toList();
    }

    static Properties messages(String language) {
        Properties properties = new Properties();
        try (InputStream in = MatchScoreTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}

package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.ResultPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The directory's search through its SQL on hand-made offers ({@link DirectoryFixtures}), on the shared fixed
 * clock: «åpent nå» on the cases of {@link OpenNowTest}, the filters, the guided search's reasons, the public
 * pages without signing in, their validators, and bad input.
 */
@TilfriskTest
class DirectorySearchTest {

    @Autowired
    Offers offers;
    @Autowired
    GuidedSearch guided;
    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    MockMvc mvc;

    static DirectoryFixtures fixtures;

    @BeforeEach
    void offers() {
        if (fixtures == null) {
            fixtures = DirectoryFixtures.create(offers);
        }
    }

    @AfterEach
    void release() {
        clock.release();
    }

    private List<String> openNow(String osloTime) {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse(osloTime), Dates.OSLO));
        return names(search(q -> q.setOpen("now")));
    }

    private List<OfferSummary> search(java.util.function.Consumer<OfferQuery> filters) {
        OfferQuery q = new OfferQuery();
        q.setQ(fixtures.word());
        filters.accept(q);
        return offers.search(q.toSearch()).items();
    }

    private static List<String> names(List<OfferSummary> hits) {
        return hits.stream().map(o -> o.name().substring(0, o.name().indexOf(' '))).toList();
    }

    @Test
    void openNowOnTheFixedClock() {
        assertThat(openNow("2026-12-08T19:30")).as("Tuesday evening").containsExactly("Dagsenter");
        assertThat(openNow("2026-12-09T19:30")).as("Wednesday evening").isEmpty();
        assertThat(openNow("2026-12-13T12:00")).as("Sunday").containsExactly("Helgekafé");
        assertThat(openNow("2027-03-29T13:00")).as("Easter Monday").containsExactly("Helgekafé");
        assertThat(openNow("2027-03-29T10:00")).as("Easter Monday morning").isEmpty();
        assertThat(openNow("2027-05-17T10:00")).as("17 May, a Monday").isEmpty();
        assertThat(openNow("2027-05-18T10:00")).containsExactly("Dagsenter");
        assertThat(openNow("2026-12-24T11:00")).as("Christmas Eve's own hours").containsExactly("Dagsenter");
        assertThat(openNow("2026-12-24T13:00")).as("Christmas Eve afternoon").isEmpty();
        assertThat(openNow("2026-12-11T23:00")).containsExactly("Nattåpent");
        assertThat(openNow("2026-12-12T01:30")).as("past midnight into Saturday").containsExactly("Nattåpent");
        assertThat(openNow("2026-12-12T02:30")).isEmpty();
        assertThat(openNow("2027-05-06T01:00")).as("Wednesday's night into Ascension Day").containsExactly("Nattåpent");
    }

    @Test
    void theListsOpenNowMarkAndTheOfferPageAgreeWithTheSql() {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-12T01:30"), Dates.OSLO));
        List<OfferSummary> all = search(q -> { });
        assertThat(all).hasSize(3);
        for (OfferSummary hit : all) {
            assertThat(hit.openNow()).as(hit.name()).isEqualTo(offers.openNow(offers.get(hit.id())));
        }
        assertThat(all.stream().filter(OfferSummary::openNow).map(OfferSummary::id)).containsExactly(fixtures.nightShelter());
    }

    @Test
    void tonightAndTheWeekend() {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-10T10:00"), Dates.OSLO));
        assertThat(names(search(q -> q.setOpen("kveld")))).containsExactly("Dagsenter");
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-09T10:00"), Dates.OSLO));
        assertThat(names(search(q -> q.setOpen("kveld")))).as("Wednesday 22:00").containsExactly("Nattåpent");
        assertThat(names(search(q -> q.setOpen("helg")))).containsExactly("Helgekafé", "Nattåpent");
    }

    @Test
    void theDemoOrganisationsOwnOffersAreFoundOpenNowTonightAndAtTheWeekend() {
        java.util.function.Function<String, List<String>> found = open -> {
            OfferQuery q = new OfferQuery();
            q.setOpen(open);
            q.setSize(100);
            q.setQ("demo recovery");
            return offers.search(q.toSearch()).items().stream().map(OfferSummary::name).toList();
        };
        // Tuesday 8 December 2026, 19:30: the café's evening, the evening place, the phone line
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:30"), Dates.OSLO));
        assertThat(found.apply("now")).contains("Recoverykafé Skien", "Kveldsåpent Tønsberg", "Samtaletelefonen");
        // Wednesday 11:00: the café and the phone now; tonight the evening place; the weekend the café's Saturday
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-09T11:00"), Dates.OSLO));
        assertThat(found.apply("now")).contains("Recoverykafé Skien", "Samtaletelefonen").doesNotContain("Kveldsåpent Tønsberg");
        assertThat(found.apply("kveld")).contains("Kveldsåpent Tønsberg").doesNotContain("Recoverykafé Skien");
        assertThat(found.apply("helg")).contains("Recoverykafé Skien", "Kveldsåpent Tønsberg", "Samtaletelefonen");
        // Saturday 01:00: Friday's evening goes on past midnight
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-12T01:00"), Dates.OSLO));
        assertThat(found.apply("now")).contains("Kveldsåpent Tønsberg", "Samtaletelefonen").doesNotContain("Recoverykafé Skien");
    }

    @Test
    void theTotalCountsEveryMatchOnEveryPageEvenPastTheLast() {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-12T01:30"), Dates.OSLO));
        java.util.function.IntFunction<ResultPage<OfferSummary>> page = n -> {
            OfferQuery q = new OfferQuery();
            q.setQ(fixtures.word());
            q.setSize(2);
            q.setPage(n);
            return offers.search(q.toSearch());
        };
        assertThat(page.apply(0).items()).hasSize(2);
        assertThat(page.apply(1).items()).hasSize(1);
        assertThat(page.apply(5).items()).isEmpty();
        for (int n : new int[] {0, 1, 5}) {
            assertThat(page.apply(n).total()).as("page %d", n).isEqualTo(3);
        }
        OfferQuery open = new OfferQuery();
        open.setQ(fixtures.word());
        open.setOpen("now");
        ResultPage<OfferSummary> openNow = offers.search(open.toSearch());
        assertThat(openNow.total()).isEqualTo(1);
        assertThat(openNow.items()).singleElement().satisfies(o -> assertThat(o.openNow()).isTrue());
    }

    @Test
    void theFilters() {
        assertThat(names(search(q -> q.setNeed(List.of("food"))))).containsExactly("Dagsenter");
        assertThat(names(search(q -> q.setNeed(List.of("food", "shelter"))))).containsExactly("Dagsenter", "Nattåpent");
        assertThat(names(search(q -> q.setGroup(List.of("former-use"))))).containsExactly("Helgekafé");
        assertThat(names(search(q -> q.setLowThreshold(true)))).containsExactly("Dagsenter", "Nattåpent");
        assertThat(names(search(q -> q.setFree(true)))).containsExactly("Dagsenter", "Helgekafé");
        assertThat(names(search(q -> q.setArea("sentrum")))).containsExactly("Helgekafé", "Nattåpent");
        assertThat(names(search(q -> q.setLanguage("pl")))).containsExactly("Nattåpent");
        assertThat(names(search(q -> q.setQ("DAGSENTER " + fixtures.word())))).containsExactly("Dagsenter");
        assertThat(names(search(q -> q.setQ(fixtures.word() + " 100%_")))).isEmpty();
    }

    @Test
    void theGuidedSearchGivesItsReasons() {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:30"), Dates.OSLO));
        GuidedSearch.Answers answers = new GuidedSearch.Answers();
        answers.setAsked(true);
        answers.setNeed(List.of("food", "shelter"));
        answers.setWhen("now");
        answers.setPeers("any");
        answers.setArea("Gamle Oslo");
        // every fit, however many other offers the suite has made, then only the fixture's
        List<GuidedSearch.Fit> fits = guided.fits(answers, Integer.MAX_VALUE).stream()
                .filter(f -> f.offer().name().contains(fixtures.word())).toList();
        assertThat(fits).extracting(f -> f.offer().id()).containsExactly(fixtures.dayCentre(), fixtures.nightShelter());
        assertThat(fits.get(0).reasons()).extracting(GuidedSearch.Reason::key, GuidedSearch.Reason::arg).containsExactly(
                org.assertj.core.groups.Tuple.tuple("directory.reason.need", "need.food"),
                org.assertj.core.groups.Tuple.tuple("directory.reason.area", "Gamle Oslo"),
                org.assertj.core.groups.Tuple.tuple("directory.reason.open", "directory.open.now"),
                org.assertj.core.groups.Tuple.tuple("directory.reason.lowThreshold", null),
                org.assertj.core.groups.Tuple.tuple("directory.reason.free", null));
        assertThat(fits.get(1).reasons()).extracting(GuidedSearch.Reason::key)
                .containsExactly("directory.reason.need", "directory.reason.lowThreshold");

        answers.setPeers("no");
        assertThat(guided.fits(answers, Integer.MAX_VALUE)).as("the day centre is for people in active use")
                .extracting(f -> f.offer().id()).doesNotContain(fixtures.dayCentre()).contains(fixtures.nightShelter());
        answers.setNeed(List.of("aftercare"));
        answers.setPeers("yes");
        answers.setWhen("");
        assertThat(guided.fits(answers, Integer.MAX_VALUE).stream().filter(f -> f.offer().id().equals(fixtures.weekendCafe())).findFirst().orElseThrow()
                .reasons()).extracting(GuidedSearch.Reason::key)
                .containsExactly("directory.reason.need", "directory.reason.peers", "directory.reason.free");
    }

    @Test
    void thePublicPagesOpenWithoutSigningInAndShowNoPersons() throws Exception {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:30"), Dates.OSLO));
        String list = body(mvc.perform(get("/tilbud").param("q", fixtures.word()).param("open", "now")).andExpect(status().isOk()));
        assertThat(list).contains("Dagsenter " + fixtures.word()).doesNotContain("Helgekafé").contains("Åpent nå");
        String fragment = body(mvc.perform(get("/tilbud").param("q", fixtures.word()).header("HX-Request", "true")).andExpect(status().isOk()));
        assertThat(fragment).doesNotContain("<html").contains("Nattåpent " + fixtures.word());
        String page = body(mvc.perform(get("/tilbud/" + fixtures.dayCentre())).andExpect(status().isOk()));
        assertThat(page).contains("application/ld+json").contains("\"openingHoursSpecification\"")
                .contains("\"https://schema.org/Tuesday\"").contains("\"@type\":\"LocalBusiness\"").contains("julaften");
        assertThat(body(mvc.perform(get("/tilbud/veiviser")).andExpect(status().isOk()))).contains("Veiviser");
        for (String html : List.of(list, page)) {
            assertThat(html).doesNotContain(Demo.ADMIN).doesNotContain("Annen Organisasjon").doesNotContain("Logg ut");
        }
        mvc.perform(get("/tilbud/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void theValidatorsFollowAChange() throws Exception {
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:30"), Dates.OSLO));
        var first = mvc.perform(get("/tilbud/" + fixtures.weekendCafe())).andExpect(status().isOk()).andReturn().getResponse();
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeader("Last-Modified")).isNotBlank();
        assertThat(first.getHeader("Cache-Control")).contains("max-age=60");
        mvc.perform(get("/tilbud/" + fixtures.weekendCafe()).header("If-None-Match", etag)).andExpect(status().isNotModified());
        String listEtag = mvc.perform(get("/tilbud").param("q", fixtures.word())).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/tilbud").param("q", fixtures.word()).header("If-None-Match", listEtag)).andExpect(status().isNotModified());

        People.asSystem(no.tilfrisk.Demo.DEMO_RECOVERY, () -> {
            Offer cafe = offers.forEditing(fixtures.weekendCafe());
            OfferForm form = DirectoryFixtures.weekendCafe(fixtures.word());
            form.setCost("Kaffe 10 kr");
            offers.update(cafe.id(), cafe.version(), form);
            return null;
        });
        mvc.perform(get("/tilbud/" + fixtures.weekendCafe()).header("If-None-Match", etag)).andExpect(status().isOk());
        mvc.perform(get("/tilbud").param("q", fixtures.word()).header("If-None-Match", listEtag)).andExpect(status().isOk());
        assertThat(People.asSystem(no.tilfrisk.Demo.DEMO_RECOVERY, () -> offers.history(fixtures.weekendCafe())))
                .extracting(OfferChange::kind).containsExactly("CHANGED", "CREATED");
        assertThat(People.asSystem(no.tilfrisk.Demo.DEMO_RECOVERY, () -> offers.history(fixtures.weekendCafe())).get(0).fields())
                .containsExactly("cost");
    }

    @Test
    void badInputGetsAMessageNeverAFailure() throws Exception {
        String page = body(mvc.perform(get("/tilbud").param("q", "x".repeat(10_000)).param("need", "unicorns"))
                .andExpect(status().isOk()));
        assertThat(page).contains("Søket er for langt").contains("Ukjent merkelapp «unicorns»");
        String english = body(mvc.perform(get("/tilbud").param("q", "x".repeat(10_000)).param("lang", "en")).andExpect(status().isOk()));
        assertThat(english).contains("The search is too long");

        OfferForm wrong = DirectoryFixtures.dayCentre("feil");
        wrong.setHours(List.of(new OfferForm.Hours(java.time.DayOfWeek.FRIDAY, "20:00", "02:00", false)));
        wrong.setPhone("ring meg");
        wrong.setWeb("ikke en adresse");
        wrong.setNeeds(List.of("food", "unicorns"));
        assertThatThrownBy(() -> People.asSystem(no.tilfrisk.Demo.DEMO_RECOVERY, () -> offers.create(UUID.randomUUID(), wrong)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(InvalidInputException::field, InvalidInputException::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("hours[0].closes", "directory.error.closesBeforeOpens"),
                                org.assertj.core.groups.Tuple.tuple("phone", "directory.error.phone"),
                                org.assertj.core.groups.Tuple.tuple("web", "directory.error.web"),
                                org.assertj.core.groups.Tuple.tuple("needs", "directory.error.unknownTag")));
        assertThat(offers.search(new OfferSearch("feil", Set.of(), Set.of(), false, false, null, null, null, 0, 20)).items())
                .as("nothing half-saved").noneMatch(o -> o.name().equals("Dagsenter feil"));
    }

    static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

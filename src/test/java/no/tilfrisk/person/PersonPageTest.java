package no.tilfrisk.person;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The person page's summary header, its quick actions and the paged timeline, on a fixture person whose every figure
 * is set by hand here: a follow-up three days overdue (and a later one), three main goals of which two are open (and
 * an open sub-goal that does not count), two WHO-5 responses, and an activity with a session today that the person
 * came to last week.
 */
@TilfriskTest
class PersonPageTest {

    private static final DateTimeFormatter NB = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Departments departments;

    record Fixture(UUID person, String name, UUID sessionToday, String activity, UUID otherDepartment) {
    }

    private final LocalDate today = LocalDate.now(Dates.OSLO);

    private Fixture fixture() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Sammen " + tag;
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        String activity = "Turgruppe " + tag;
        UUID sessionToday = UUID.randomUUID();
        UUID[] other = {null};
        system(() -> {
            people.consent(person); // STATISTICS
            UUID org = Tenancy.requireOrganisationId();
            UUID skien = people.department("Skien").id();
            other[0] = departments.list().stream().filter(d -> !d.id().equals(skien)).findFirst().orElseThrow().id();
            db.sql("INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date) VALUES (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), org, person, other[0], today.minusDays(30)).update();
            contact(org, person, today.minusDays(10), today.minusDays(3));
            contact(org, person, today.minusDays(5), today.plusDays(4));
            goal(org, person, null, "NOT_STARTED", today.plusDays(20));
            UUID main = goal(org, person, null, "IN_PROGRESS", today.plusDays(12));
            goal(org, person, null, "REACHED", null);
            goal(org, person, main, "IN_PROGRESS", today.plusDays(2)); // a sub-goal: not counted
            response(org, person, today.minusDays(40), 40);
            response(org, person, today.minusDays(10), 60);
            UUID kind = db.sql("SELECT id FROM activity_kind WHERE organisation_id = ? LIMIT 1").param(org)
                    .query(UUID.class).single();
            UUID act = UUID.randomUUID();
            db.sql("""
                            INSERT INTO activity (id, organisation_id, department_id, name, format, kind_id, start_date)
                            VALUES (?, ?, ?, ?, 'GROUP', ?, ?)""")
                    .params(act, org, skien, activity, kind, today.minusDays(14)).update();
            UUID lastWeek = UUID.randomUUID();
            db.sql("INSERT INTO activity_session (id, organisation_id, activity_id, date) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")
                    .params(lastWeek, org, act, today.minusDays(7), sessionToday, org, act, today).update();
            db.sql("INSERT INTO attendance (session_id, person_id, organisation_id) VALUES (?, ?, ?)")
                    .params(lastWeek, person, org).update();
            return null;
        });
        return new Fixture(person, name, sessionToday, activity, other[0]);
    }

    @Test
    void theSummaryShowsEachFactFromItsModuleWithTheQuickActions() throws Exception {
        Fixture f = fixture();
        Document page = page(staff(), f.person(), 0);
        Element summary = page.selectFirst("section.person-summary");
        assertThat(summary).isNotNull();
        assertThat(fact(summary, "Status")).isEqualTo("Aktiv · Deltaker");
        assertThat(summary.select("ul.chips li").eachText()).containsExactly("Bruk i statistikk");
        assertThat(fact(summary, "Neste oppfølging")).isEqualTo(today.minusDays(3).format(NB) + " (forfalt)");
        assertThat(summary.select("dd.warning")).hasSize(1);
        assertThat(fact(summary, "Plan")).isEqualTo("2 åpne mål av 3, neste evaluering " + today.plusDays(12).format(NB));
        assertThat(fact(summary, "Siste måling")).isEqualTo("WHO-5, " + today.minusDays(10).format(NB) + ": skår 60");

        List<String> actions = summary.select("ul.quick-actions a").eachText();
        // the modules' own actions first, then those of transition, responsibility group and directory
        assertThat(actions).containsExactly("Logg kontakt", "Registrer oppmøte: " + f.activity(), "Ny måling",
                "Ny overgang", "Ansvarsgruppe", "Henvis til tilbud");
        assertThat(summary.select("ul.quick-actions a").eachAttr("href")).startsWith(
                "/persons/" + f.person() + "/contacts#log-contact",
                "/sessions/" + f.sessionToday() + "/find?q=" + f.name().replace(" ", "%20"),
                "/persons/" + f.person() + "/outcomes#due");
        // every quick action opens for this reader
        for (String href : summary.select("ul.quick-actions a").eachAttr("href")) {
            mvc.perform(get(href.replace("%20", " ").replaceAll("#.*", "")).with(user(staff())))
                    .andExpect(status().isOk());
        }
        // the sections are anchors a row of links leads to, consents first
        assertThat(page.select("nav.toc a").eachAttr("href")).startsWith("#consents", "#profile");
        for (String anchor : page.select("nav.toc a").eachAttr("href")) {
            assertThat(page.getElementById(anchor.substring(1))).as(anchor).isNotNull();
        }
    }

    @Test
    void aPersonWithNothingYetShowsSoAndTheSameInEnglish() throws Exception {
        String name = "Tom " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        Element summary = page(staff(), person, 0).selectFirst("section.person-summary");
        assertThat(summary.select("ul.chips")).isEmpty();
        assertThat(fact(summary, "Samtykker gitt")).isEqualTo("Ingen");
        assertThat(fact(summary, "Neste oppfølging")).isEqualTo("Ingen avtalt");
        assertThat(fact(summary, "Plan")).isEqualTo("Ingen mål ennå");
        assertThat(fact(summary, "Siste måling")).isEqualTo("Ingen ennå");
        assertThat(summary.select("ul.quick-actions a").eachText()).containsExactly("Logg kontakt", "Ny måling", "Ny overgang",
                "Ansvarsgruppe", "Henvis til tilbud");

        String html = mvc.perform(get("/persons/" + person).param("lang", "en").with(user(staff())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Element english = Jsoup.parse(html).selectFirst("section.person-summary");
        assertThat(fact(english, "Next follow-up")).isEqualTo("None agreed");
        assertThat(english.select("ul.quick-actions a").eachText()).containsExactly("Log a contact", "New measurement",
                "New transition", "Responsibility group", "Refer to a service");
    }

    @Test
    void staffOfAnotherDepartmentSeeThePersonButNoRollCallTheyMayNotTake() throws Exception {
        Fixture f = fixture();
        var account = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of(f.otherDepartment()));
        UserDetails other = accounts.loadUserByUsername(account.email());
        Element summary = page(other, f.person(), 0).selectFirst("section.person-summary");
        assertThat(fact(summary, "Plan")).startsWith("2 åpne mål av 3");
        assertThat(summary.select("ul.quick-actions a").eachText()).containsExactly("Logg kontakt", "Ny måling", "Ny overgang",
                "Ansvarsgruppe", "Henvis til tilbud");
        mvc.perform(get("/sessions/" + f.sessionToday()).with(user(other))).andExpect(status().isNotFound());
    }

    @Test
    void volunteersAndReportReadersSeeNoPersonPage() throws Exception {
        Fixture f = fixture();
        for (String email : List.of("frivillig@demo.tilfrisk.no", "styret@demo.tilfrisk.no", "deltaker@demo.tilfrisk.no")) {
            String body = mvc.perform(get("/persons/" + f.person()).with(user(accounts.loadUserByUsername(email))))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(email).doesNotContain(f.name()).doesNotContain(f.activity());
        }
    }

    @Test
    void oneViewIsOneReadInTheAuditTrail() throws Exception {
        Fixture f = fixture();
        long before = audited(f.person());
        page(staff(), f.person(), 0);
        assertThat(audited(f.person()) - before).isEqualTo(1);
    }

    @Test
    void theTimelineIsPagedNewestFirst() throws Exception {
        String name = "Lang " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        Instant start = Instant.now().minus(40, ChronoUnit.DAYS);
        system(() -> {
            UUID org = Tenancy.requireOrganisationId();
            for (int i = 0; i < 30; i++) {
                db.sql("INSERT INTO contact (id, organisation_id, person_id, occurred_at, type) VALUES (?, ?, ?, ?, 'PHONE')")
                        .params(UUID.randomUUID(), org, person, Timestamp.from(start.plus(i, ChronoUnit.DAYS)))
                        .update();
            }
            return null;
        });
        // 30 calls, the registration, the role and the membership: 33 entries, 25 on the first page and 8 on the second
        Document first = page(staff(), person, 0);
        List<Element> items = first.select("ol.timeline li");
        assertThat(items).hasSize(25);
        assertThat(items.get(0).text()).contains("Registrert");
        assertThat(items.get(3).text()).contains("telefon").contains(day(start.plus(29, ChronoUnit.DAYS)));
        assertThat(first.select("nav.pager a").eachAttr("href")).containsExactly("/persons/" + person + "?page=1#timeline");
        Document second = page(staff(), person, 1);
        assertThat(second.select("ol.timeline li")).hasSize(8);
        assertThat(second.select("ol.timeline li").last().text()).contains("telefon").contains(day(start));
        assertThat(second.select("nav.pager a").eachAttr("href")).containsExactly("/persons/" + person + "?page=0#timeline");
        // a page past the end is the last page, never an error
        assertThat(page(staff(), person, 99).select("ol.timeline li")).hasSize(8);
    }

    private Document page(UserDetails user, UUID person, int timelinePage) throws Exception {
        String html = mvc.perform(get("/persons/" + person).param("page", String.valueOf(timelinePage)).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static String day(Instant at) {
        return at.atZone(Dates.OSLO).format(NB);
    }

    private static String fact(Element summary, String label) {
        return summary.select("dl.summary > div").stream()
                .filter(d -> d.selectFirst("dt").text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label)).selectFirst("dd").text();
    }

    private long audited(UUID person) {
        return system(() -> db.sql("SELECT count(*) FROM audit_event WHERE person_id = ?").param(person)
                .query(Long.class).single());
    }

    private void contact(UUID org, UUID person, LocalDate on, LocalDate followUp) {
        db.sql("""
                        INSERT INTO contact (id, organisation_id, person_id, occurred_at, type, follow_up_on)
                        VALUES (?, ?, ?, ?, 'ONE_TO_ONE', ?)""")
                .params(UUID.randomUUID(), org, person, Timestamp.from(on.atTime(10, 0).atZone(Dates.OSLO).toInstant()),
                        followUp).update();
    }

    private UUID goal(UUID org, UUID person, UUID parent, String status, LocalDate nextEvaluation) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO plan_goal (id, organisation_id, person_id, parent_id, life_area, text, status, next_evaluation_on)
                        VALUES (?, ?, ?, ?, 'HOUSING', 'Eget sted å bo', ?, ?)""")
                .params(id, org, person, parent, status, nextEvaluation).update();
        return id;
    }

    private void response(UUID org, UUID person, LocalDate on, int score) {
        db.sql("""
                        INSERT INTO outcome_response (id, organisation_id, person_id, instrument_id, instrument_version,
                                                      answered_on, entry_method, score)
                        VALUES (?, ?, ?, 'who-5', 1, ?, 'GUIDE_WITH_PARTICIPANT', ?)""")
                .params(UUID.randomUUID(), org, person, on, score).update();
    }

    private <T> T system(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> work.get()));
    }

    /**
     * The page's role and membership forms write through the same service as the API (PersonSpans), so they refuse
     * what the API refuses: a date outside 1900–2100 is a message, and no role or membership is added.
     */
    @Test
    void theRoleAndMembershipFormsRefuseADateTheApiRefuses() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Spenn " + UUID.randomUUID().toString().substring(0, 8));
        UUID skien = system(() -> people.department("Skien").id());
        int roles = system(() -> db.sql("SELECT count(*) FROM person_role WHERE person_id = ?").param(person)
                .query(Integer.class).single());
        mvc.perform(post("/persons/" + person + "/roles").param("role", "VOLUNTEER").param("from", "2999-01-01")
                        .with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", "person.span.date.range"));
        mvc.perform(post("/persons/" + person + "/memberships").param("departmentId", skien.toString())
                        .param("from", "1850-06-01").with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", "person.span.date.range"));
        assertThat(system(() -> db.sql("SELECT count(*) FROM person_role WHERE person_id = ?").param(person)
                .query(Integer.class).single())).isEqualTo(roles);
        assertThat(system(() -> db.sql("""
                        SELECT count(*) FROM person_department WHERE person_id = ? AND from_date < '1900-01-01'""")
                .param(person).query(Integer.class).single())).isZero();
        // and a date in range is saved, from the page as from the API
        mvc.perform(post("/persons/" + person + "/roles").param("role", "VOLUNTEER").param("from", "2024-03-01")
                        .with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", true));
        assertThat(system(() -> db.sql("""
                        SELECT count(*) FROM person_role
                        WHERE person_id = ? AND role = 'VOLUNTEER' AND from_date = '2024-03-01'""")
                .param(person).query(Integer.class).single())).isEqualTo(1);
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername(Demo.STAFF);
    }
}

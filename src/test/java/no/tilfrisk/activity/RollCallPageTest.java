package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll call's two ways of answering: with htmx a tap answers with the row and, out of band, «Til stede» and the
 * running total; a count with the counts and the total. Without htmx every form posts and redirects to the page.
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class})
class RollCallPageTest {

    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aTapWithHtmxAnswersWithTheRowAndOutOfBandTheListAndTheTotal() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID session = todaysSession(tag);
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        UUID ola = people.register(DEMO_RECOVERY, "Skien", "Ola " + tag);
        UserDetails staff = accounts.loadUserByUsername(Demo.STAFF);

        mvc.perform(post("/sessions/" + session + "/attendance/" + kari).param("present", "true").param("list", "found")
                        .header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"mark-found-" + kari + "\"")))
                .andExpect(content().string(containsString("aria-pressed=\"true\"")))
                .andExpect(content().string(containsString("id=\"present\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("id=\"mark-present-" + kari + "\"")))
                .andExpect(content().string(containsString("hx-swap-oob=\"innerHTML\"")))
                .andExpect(content().string(containsString("I alt 1: 1 med navn, 0 uten navn, 0 gjester")))
                .andExpect(content().string(not(containsString("<html"))));
        String second = mvc.perform(post("/sessions/" + session + "/attendance/" + ola).param("present", "true")
                        .param("list", "found").header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("I alt 2: 2 med navn", "mark-present-" + kari, "mark-present-" + ola);

        // unticked in «Til stede»: that row is not swapped (the list is), and the list no longer names Kari
        String third = mvc.perform(post("/sessions/" + session + "/attendance/" + kari).param("present", "false")
                        .param("list", "present").header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String list = third.substring(third.indexOf("id=\"present\""));
        assertThat(list).contains("I alt 1: 1 med navn", "mark-present-" + ola).doesNotContain("mark-present-" + kari);
    }

    @Test
    void withoutHtmxATapAndACountPostAndComeBackToThePage() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID session = todaysSession(tag);
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        UserDetails staff = accounts.loadUserByUsername(Demo.STAFF);

        mvc.perform(post("/sessions/" + session + "/attendance/" + kari).param("present", "true")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sessions/" + session));
        mvc.perform(post("/sessions/" + session + "/counts").param("adults", "2").param("children", "1")
                        .param("guests", "0").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sessions/" + session + "#counts"));
        // a stepper without script: the typed numbers, one more guest
        mvc.perform(post("/sessions/" + session + "/counts").param("step", "guests:1")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(counts(session)).containsExactly(2, 1, 1);

        mvc.perform(get("/sessions/" + session).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("I alt 5: 1 med navn, 3 uten navn, 1 gjester")))
                .andExpect(content().string(containsString("<noscript>")));
    }

    @Test
    void theSteppersCountFromWhatIsTypedNeverBelowNoughtAndAnswerWithTheTotal() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID session = todaysSession(tag);
        UserDetails staff = accounts.loadUserByUsername(Demo.STAFF);

        mvc.perform(post("/sessions/" + session + "/counts").param("adults", "4").param("adultsWas", "0")
                        .param("children", "0").param("childrenWas", "0").param("guests", "0").param("guestsWas", "0")
                        .param("step", "adults:-1").header("HX-Request", "true")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().isOk())
                // the numbers out of band: the steppers and forms stay, so taps htmx queued meanwhile are sent
                .andExpect(content().string(containsString("id=\"adults-value\" hx-swap-oob=\"true\"")))
                // only the number this save set: a number being typed in another box meanwhile is left as typed
                .andExpect(content().string(not(containsString("id=\"children-value\""))))
                .andExpect(content().string(not(containsString("id=\"counts\""))))
                .andExpect(content().string(not(containsString("<button"))))
                .andExpect(content().string(containsString("I alt 3: 0 med navn, 3 uten navn, 0 gjester")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/sessions/" + session + "/counts").param("adults", "3").param("children", "0")
                        .param("guests", "0").param("step", "children:-1").header("HX-Request", "true")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(counts(session)).containsExactly(3, 0, 0);

        // not a number: that field's message, in the counts, and nothing saved
        mvc.perform(post("/sessions/" + session + "/counts").param("adults", "tre").param("children", "5")
                        .param("guests", "0").header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alert-error")));
        assertThat(counts(session)).containsExactly(3, 0, 0);
    }

    /**
     * Two head-count saves posted at once from a page that showed 0, 0, 0 (adults typed as 4 on one, children as 2
     * on the other, each with the other fields as the page showed them), and five taps on the guests' stepper from
     * each of the two: everything lands. Before, each save wrote all three numbers as its page had them, so the
     * last one wrote the other's field back to 0 (the roll call's browser test once ended with 4 without names).
     */
    @Test
    void headCountSavesThatOverlapAllLand() throws Exception {
        UUID session = todaysSession(UUID.randomUUID().toString().substring(0, 6));
        UserDetails staff = accounts.loadUserByUsername(Demo.STAFF);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> saves = List.of(two.submit(() -> overlapping(start, session, staff, "4", "0")),
                    two.submit(() -> overlapping(start, session, staff, "0", "2")));
            start.countDown();
            for (Future<Object> save : saves) {
                save.get();
            }
        } finally {
            two.shutdown();
        }
        assertThat(counts(session)).containsExactly(4, 2, 10);
    }

    private Object overlapping(CountDownLatch start, UUID session, UserDetails staff, String adults, String children)
            throws Exception {
        start.await();
        mvc.perform(countsAsShown(session, staff, adults, children)).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(countsAsShown(session, staff, adults, children).param("step", "guests:1"))
                    .andExpect(status().isOk());
        }
        return null;
    }

    /** The counts form as a page that showed 0, 0, 0 posts it with these numbers typed. */
    private MockHttpServletRequestBuilder countsAsShown(UUID session, UserDetails staff, String adults, String children) {
        return post("/sessions/" + session + "/counts").param("adults", adults).param("adultsWas", "0")
                .param("children", children).param("childrenWas", "0").param("guests", "0").param("guestsWas", "0")
                .header("HX-Request", "true").with(user(staff)).with(csrf());
    }

    private UUID todaysSession(String tag) {
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Opprop " + tag, true, TODAY.minusMonths(1), null,
                List.of());
        return fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
    }

    private List<Integer> counts(UUID session) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT adults, children, guests FROM activity_session WHERE id = ?").param(session)
                .query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single()));
    }
}

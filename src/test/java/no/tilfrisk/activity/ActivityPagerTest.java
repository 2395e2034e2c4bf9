package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An activity's session lists page without losing the period chosen for its figures (issue 15). */
@TilfriskTest
class ActivityPagerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    UserDetailsService accounts;

    @Test
    void thePagerOfPastSessionsKeepsThePeriodAndOpensAtTheList() throws Exception {
        LocalDate today = LocalDate.now(Dates.OSLO);
        Activity activity = fixtures.activity(DEMO_RECOVERY, "Skien", "Pager " + UUID.randomUUID(), false,
                today.minusMonths(6), null, List.of());
        // more past sessions than one page holds
        for (int i = 1; i <= 12; i++) { // a page holds 10 (ActivityController.SESSIONS_PER_PAGE)
            fixtures.session(DEMO_RECOVERY, activity.id(), today.minusWeeks(i));
        }
        LocalDate from = today.minusMonths(2);
        LocalDate to = today.minusDays(1);
        Document page = page("/activities/" + activity.id() + "?from=" + from + "&to=" + to);
        String next = page.select("nav.pager a[href*=list=past]").attr("href");
        assertThat(next).contains("from=" + from, "to=" + to, "list=past", "page=1").endsWith("#past-sessions");

        Document second = page(next.substring(0, next.indexOf('#')));
        assertThat(second.select("input[name=from]").attr("value")).isEqualTo(from.toString());
        assertThat(second.select("input[name=to]").attr("value")).isEqualTo(to.toString());
        assertThat(second.select("nav.pager a[href*=list=past]").eachAttr("href"))
                .allSatisfy(href -> assertThat(href).contains("from=" + from, "to=" + to));
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

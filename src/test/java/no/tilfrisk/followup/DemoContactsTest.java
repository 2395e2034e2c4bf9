package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo has contacts over this year and the last, family talks with a relative, tallies, and tasks for the guide. */
@TilfriskTest
class DemoContactsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theDemoHasContactsTalliesAndFollowUpsForTheGuide() throws Exception {
        LocalDate today = LocalDate.now(Dates.OSLO);
        int year = today.getYear();
        for (int y : new int[] {year - 1, year}) {
            // the demo spreads its contacts and tallies from 1 January last year to the day it is written: in this
            // year's first two months there may be none yet, and that is all that is not checked
            boolean young = y == year && today.getMonthValue() <= 2;
            mvc.perform(get("/api/v1/contacts?from=" + y + "-01-01&to=" + y + "-12-31").header("Authorization", bearer("demo-admin")))
                    .andExpect(jsonPath("$.total", greaterThan(young ? -1 : 20)));
            mvc.perform(get("/api/v1/tallies?type=PHONE&from=" + y + "-01-01&to=" + y + "-12-31").header("Authorization", bearer("demo-admin")))
                    .andExpect(jsonPath("$.total", greaterThan(young ? -1 : 0)));
        }
        mvc.perform(get("/").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(content().string(containsString("Følg opp Dag")));
        Integer withRelatives = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT count(*) FROM contact_relative").query(Integer.class).single()));
        assertThat(withRelatives).isPositive();
    }
}

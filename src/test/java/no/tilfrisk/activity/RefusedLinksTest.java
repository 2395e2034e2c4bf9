package no.tilfrisk.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import no.tilfrisk.TilfriskTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** No page links to a page its reader would be refused (issue 15): the calendar's feeds are for staff. */
@TilfriskTest
class RefusedLinksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    @Test
    void theCalendarOffersItsFeedsOnlyToThoseWhoMaySubscribe() throws Exception {
        for (String refused : new String[] {"frivillig@demo.tilfrisk.no", "styret@demo.tilfrisk.no"}) {
            mvc.perform(get("/calendar").with(user(accounts.loadUserByUsername(refused)))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("href=\"/calendar/feeds\""))));
            mvc.perform(get("/calendar/feeds").with(user(accounts.loadUserByUsername(refused))))
                    .andExpect(status().isForbidden());
        }
        // a report reader's start page leads to the report and the projects
        String start = mvc.perform(get("/").with(user(accounts.loadUserByUsername("styret@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Assertions.assertThat(start.substring(start.indexOf("id=\"shortcuts\"")))
                .contains("href=\"/reports/annual\"", "href=\"/projects\"");
        mvc.perform(get("/calendar").with(user(accounts.loadUserByUsername("ansatt@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/calendar/feeds\"")));
    }
}

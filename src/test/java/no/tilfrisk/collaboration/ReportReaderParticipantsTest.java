package no.tilfrisk.collaboration;

import static no.tilfrisk.Demo.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A report reader reads the register without its numbers of participants, on the page and in the API: the annual
 * report publishes them, with small numbers hidden (issue 13). Staff see them.
 */
@TilfriskTest
class ReportReaderParticipantsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    @Test
    void theRegisterHasNoNumbersOfParticipantsForAReportReader() throws Exception {
        String year = String.valueOf(LocalDate.now(Dates.OSLO).getYear() - 1);
        mvc.perform(get("/collaboration").param("year", year).with(user(accounts.loadUserByUsername("styret@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(">Antall deltakere</th>"))));
        mvc.perform(get("/collaboration").param("year", year).with(user(accounts.loadUserByUsername("admin@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">Antall deltakere</th>")));
        mvc.perform(get("/api/v1/collaboration/summary").param("year", year).header("Authorization", bearer("demo-styret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kinds.SERVICE_MEETING.count").isNumber())
                .andExpect(jsonPath("$.kinds.SERVICE_MEETING.participants").doesNotExist())
                .andExpect(jsonPath("$.kinds.SERVICE_MEETING.records[0].participants").doesNotExist());
        mvc.perform(get("/api/v1/collaboration/summary").param("year", year).header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kinds.SERVICE_MEETING.participants").isNumber());
        mvc.perform(get("/api/v1/collaboration").param("year", year).header("Authorization", bearer("demo-styret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].participants").isEmpty());
    }
}

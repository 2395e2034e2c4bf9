package no.tilfrisk.activity;

import static no.tilfrisk.Demo.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A report reader, who may not see persons, gets no counts of participants or attendances on the activity pages
 * and in the API's activity list, for any period: those figures are in the external annual report, whole years with
 * small numbers hidden (issue 13, leak class 4). Staff still see them.
 */
@TilfriskTest
class ReportReaderCountsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    @Test
    void theActivityListShowsAReportReaderNoCountsOfPersonsAndStaffAll() throws Exception {
        var reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        var admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        mvc.perform(get("/activities").with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(">Unike navngitte deltakere<"))))
                .andExpect(content().string(containsString("Tall om deltakere og oppmøter står i årsrapporten")));
        mvc.perform(get("/activities").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">Unike navngitte deltakere<")));
        mvc.perform(get("/api/v1/activities").header("Authorization", bearer("demo-styret"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].activity.name").exists())
                .andExpect(jsonPath("$[0].counts").doesNotExist())
                .andExpect(jsonPath("$[0].participants").doesNotExist());
        mvc.perform(get("/api/v1/activities").header("Authorization", bearer("demo-admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].counts.sessions").exists())
                .andExpect(jsonPath("$[0].participants").isNumber());
    }

    @Test
    void anActivityPageShowsAReportReaderItsSessionsWithoutAttendance() throws Exception {
        var reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        String list = mvc.perform(get("/api/v1/activities").header("Authorization", bearer("demo-admin")))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(list, "$[0].activity.id");
        mvc.perform(get("/activities/" + id).with(user(reader))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(">Unike navngitte deltakere<"))))
                .andExpect(content().string(containsString("Tall om deltakere og oppmøter står i årsrapporten")));
        mvc.perform(get("/activities/" + id).with(user(accounts.loadUserByUsername("admin@demo.tilfrisk.no"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">Unike navngitte deltakere<")));
        // the API's sessions: dates for the report reader, head-counts for staff
        mvc.perform(get("/api/v1/activities/" + id + "/sessions").header("Authorization", bearer("demo-styret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].date").exists())
                .andExpect(jsonPath("$[0].adults").doesNotExist()).andExpect(jsonPath("$[0].named").doesNotExist());
        mvc.perform(get("/api/v1/activities/" + id + "/sessions").header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].adults").isNumber())
                .andExpect(jsonPath("$[0].named").isNumber());
    }
}

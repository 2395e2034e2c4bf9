package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class TalliesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void staffRecordATallyForTheirDepartmentOnceAndSeeItListed() throws Exception {
        UUID skien = department("Skien");
        int count = 1000 + (int) (Math.random() * 9000);
        String formId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/tallies").with(user(staff())).with(csrf()).param("formId", formId)
                            .param("departmentId", skien.toString()).param("type", "MESSAGE")
                            .param("from", today().minusDays(6).toString()).param("to", today().toString())
                            .param("count", String.valueOf(count)))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(talliesWithCount(count)).isEqualTo(1);
        mvc.perform(get("/tallies").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Opptellinger i Skien")))
                .andExpect(content().string(containsString("<td>" + count + "</td>")));
        mvc.perform(get("/api/v1/tallies?type=MESSAGE&from=" + today()).header("Authorization", bearer("demo-koordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].count", hasItem(count)));
        // another department's people do not see it
        mvc.perform(get("/api/v1/tallies?type=MESSAGE").header("Authorization", bearer("demo-annen")))
                .andExpect(jsonPath("$.items[*].count", not(hasItem(count))));
    }

    @Test
    void staffKeepTalliesOnlyForTheirOwnDepartmentsAndTheAdminForAll() throws Exception {
        UUID stavanger = department("Stavanger");
        mvc.perform(post("/tallies").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("departmentId", stavanger.toString()).param("type", "PHONE")
                        .param("from", today().toString()).param("to", today().toString()).param("count", "777001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Antallet må være mellom 1 og 100 000.")));
        mvc.perform(post("/tallies").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("departmentId", stavanger.toString()).param("type", "PHONE")
                        .param("from", today().toString()).param("to", today().toString()).param("count", "77701"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du kan bare føre opptellinger for dine egne avdelinger.")));
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content(json(stavanger, "PHONE", today(), today(), 77702)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
        mvc.perform(get("/api/v1/tallies?department=" + stavanger).header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-annen")).contentType("application/json")
                        .content(json(stavanger, "PHONE", today(), today(), 77703)))
                .andExpect(status().isBadRequest());
        assertThat(talliesWithCount(77701) + talliesWithCount(77702) + talliesWithCount(77703)).isZero();

        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-admin")).contentType("application/json")
                        .content(json(stavanger, "PHONE", today(), today(), 77704)))
                .andExpect(status().isCreated());
        assertThat(talliesWithCount(77704)).isEqualTo(1);
        mvc.perform(get("/api/v1/tallies?department=" + stavanger).header("Authorization", bearer("demo-admin")))
                .andExpect(jsonPath("$.items[*].count", hasItem(77704)));
        mvc.perform(get("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.items[*].count", not(hasItem(77704))));
        mvc.perform(get("/api/v1/tallies").header("Authorization", bearer("demo-frivillig")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tallies").with(user(accounts.loadUserByUsername("styret@demo.tilfrisk.no"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void badPeriodsAndCountsGetFieldMessagesAndSaveNothing() throws Exception {
        UUID skien = department("Skien");
        mvc.perform(post("/tallies").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("departmentId", skien.toString()).param("type", "PHONE")
                        .param("from", today().toString()).param("to", today().minusDays(1).toString()).param("count", "-4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Antallet må være mellom 1 og 100 000.")));
        mvc.perform(post("/tallies").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("departmentId", skien.toString()).param("type", "PHONE")
                        .param("from", today().toString()).param("to", today().minusDays(1).toString()).param("count", "66601"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sluttdatoen kan ikke være før startdatoen.")));
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")).header("Accept-Language", "en")
                        .contentType("application/json").content(json(skien, "PHONE", today().plusDays(5), today().plusDays(6), 66602)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("The period cannot start in the future."));
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content(json(skien, "PHONE", today().minusYears(2), today(), 66603)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("En opptelling kan gjelde høyst ett år."));
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"count\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'departmentId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'type')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'from')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'to')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'count')]").exists());
        assertThat(talliesWithCount(66601) + talliesWithCount(66602) + talliesWithCount(66603)).isZero();
    }

    @Test
    void aTallyIsVoidedWithAReasonAndThenCountsNoMore() throws Exception {
        UUID skien = department("Skien");
        String id = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/tallies").header("Authorization", bearer("demo-ansatt")).header("Idempotency-Key", id)
                .contentType("application/json").content(json(skien, "EMAIL", today(), today(), 55501))).andExpect(status().isCreated());
        mvc.perform(post("/tallies/" + id + "/void").with(user(staff())).with(csrf()).param("department", skien.toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/tallies?type=EMAIL").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.items[*].count", hasItem(55501)));
        // a coordinator of another department: not found
        mvc.perform(post("/api/v1/tallies/" + id + "/void").header("Authorization", bearer("demo-annen"))
                .contentType("application/json").content("{\"reason\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/tallies/" + id + "/void").with(user(staff())).with(csrf()).param("reason", "Telt to ganger"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/tallies?type=EMAIL").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.items[*].count", not(hasItem(55501))));
    }

    static String json(UUID department, String type, LocalDate from, LocalDate to, int count) {
        return "{\"departmentId\": \"" + department + "\", \"type\": \"" + type + "\", \"from\": \"" + from
                + "\", \"to\": \"" + to + "\", \"count\": " + count + "}";
    }

    private UUID department(String name) {
        return People.asSystem(DEMO_RECOVERY, () -> people.department(name).id());
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername(Demo.STAFF);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }

    private int talliesWithCount(int count) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM contact_tally WHERE count = ?").param(count).query(Integer.class).single()));
    }
}

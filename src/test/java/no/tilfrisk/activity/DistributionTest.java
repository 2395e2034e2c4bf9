package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Distributions: kroner typed as people type them, a named recipient only with consent, names hidden from readers. */
@TilfriskTest
class DistributionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aRecipientNeedsConsentToRegistrationAndIsNamedOnlyToStaff() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID skien = People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id());
        UUID withoutConsent = people.register(DEMO_RECOVERY, "Skien", "Uten samtykke " + tag);
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        mvc.perform(post("/distributions").with(user(staff)).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("date", LocalDate.now().toString()).param("departmentId", skien.toString())
                        .param("kind", "GIFT_CARD").param("count", "1").param("valueNok", "249,50")
                        .param("recipientId", withoutConsent.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Personen har ikke samtykket til registrering.")));
        assertThat(rows(withoutConsent)).isZero();

        UUID recipient = people.register(DEMO_RECOVERY, "Skien", "Mottaker " + tag);
        People.asSystem(DEMO_RECOVERY, () -> consents.give(recipient,
                new ConsentForm(ConsentPurpose.REGISTRATION, ConsentMethod.SIGNED, null, null)));
        UUID formId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/distributions").with(user(staff)).with(csrf()).param("formId", formId.toString())
                            .param("date", LocalDate.now().toString()).param("departmentId", skien.toString())
                            .param("kind", "GIFT_CARD").param("count", "1").param("valueNok", "249,50")
                            .param("recipientId", recipient.toString()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(rows(recipient)).isEqualTo(1);
        Long ore = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT value_ore FROM distribution WHERE recipient_id = ?").param(recipient).query(Long.class).single()));
        assertThat(ore).isEqualTo(24_950L);

        mvc.perform(get("/distributions").with(user(staff)))
                .andExpect(content().string(containsString("Mottaker " + tag)))
                .andExpect(content().string(containsString("249,50")));
        mvc.perform(get("/distributions").with(user(accounts.loadUserByUsername("styret@demo.tilfrisk.no"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Mottaker " + tag))));
        mvc.perform(get("/api/v1/distributions").header("Authorization", bearer("demo-styret")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(recipient.toString()))));
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        UUID skien = People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id());
        mvc.perform(post("/api/v1/distributions").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"" + LocalDate.now().plusDays(5) + "\", \"departmentId\": \"" + skien
                                + "\", \"kind\": \"FOOD_BOX\", \"count\": 0, \"valueNok\": 10.555}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].message").value("Antallet må være mellom 1 og 100 000."))
                .andExpect(jsonPath("$.errors[?(@.field == 'valueNok')].message")
                        .value("Skriv kroner med høyst to desimaler, for eksempel 1500 eller 249,50."));
        mvc.perform(post("/api/v1/distributions").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"" + LocalDate.now().plusDays(5) + "\", \"departmentId\": \"" + skien
                                + "\", \"kind\": \"FOOD_BOX\", \"count\": 3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
    }

    private int rows(UUID recipient) {
        Integer n = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM distribution WHERE recipient_id = ?").param(recipient).query(Integer.class).single()));
        return n;
    }
}

package no.tilfrisk.person;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consents as a checklist, on the person's page and at registration: purposes in force are not offered again, a form
 * sent twice records nothing twice, and bad input gives a message at each field and saves nothing.
 */
@TilfriskTest
class ConsentChecklistTest {

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
    void purposesInForceAreNotOfferedAgainAndShowWithAWithdrawAction() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Sjekk " + UUID.randomUUID());
        People.asSystem(DEMO_RECOVERY, () -> people.consent(person)); // STATISTICS
        Document page = page(person);
        assertThat(page.select("#consents-section input[name=purposes]").eachAttr("value"))
                .containsExactly("REGISTRATION", "CONTACT_SMS", "CONTACT_EMAIL", "SHARE_WITH_PARTNER", "PHOTOS");
        assertThat(page.select("#consents-section input[name=method][type=radio]").eachAttr("value"))
                .containsExactlyInAnyOrder("VERBAL", "SIGNED", "SELF_SERVICE");
        assertThat(page.select("#consents-section label[for^=method]").eachText())
                .contains("Muntlig", "Skriftlig (signert)", "Digitalt, på Min side");
        assertThat(page.select("#consents-section form[action$=/withdraw] button").eachText()).containsExactly("Trekk tilbake");

        send(person, UUID.randomUUID(), "SIGNED", "REGISTRATION", "PHOTOS");
        assertThat(page(person).select("#consents-section input[name=purposes]").eachAttr("value"))
                .containsExactly("CONTACT_SMS", "CONTACT_EMAIL", "SHARE_WITH_PARTNER");
        assertThat(page(person).select("section.person-summary ul.chips li").eachText())
                .containsExactly("Registrering", "Bruk i statistikk", "Bilder");
    }

    @Test
    void aFormSentTwiceRecordsEachConsentOnceEvenAfterAWithdrawal() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Dobbel " + UUID.randomUUID());
        UUID formId = UUID.randomUUID();
        send(person, formId, "VERBAL", "CONTACT_SMS", "PHOTOS").andExpect(status().is3xxRedirection());
        send(person, formId, "VERBAL", "CONTACT_SMS", "PHOTOS").andExpect(status().is3xxRedirection());
        assertThat(consents(person)).containsExactly("CONTACT_SMS VERBAL active", "PHOTOS VERBAL active");
        assertThat(given(person)).isEqualTo(2);

        UUID photos = system(() -> db.sql("SELECT id FROM consent WHERE person_id = ? AND purpose = 'PHOTOS'")
                .param(person).query(UUID.class).single());
        mvc.perform(post("/persons/" + person + "/consents/" + photos + "/withdraw").with(user(staff())).with(csrf())
                .param("method", "VERBAL").param("confirmed", "true")).andExpect(status().is3xxRedirection());
        // the same form once more (a late retry): nothing new, the withdrawal stands
        send(person, formId, "VERBAL", "CONTACT_SMS", "PHOTOS").andExpect(status().is3xxRedirection());
        assertThat(consents(person)).containsExactly("CONTACT_SMS VERBAL active", "PHOTOS VERBAL withdrawn");
        assertThat(given(person)).isEqualTo(2);
    }

    @Test
    void badInputGivesAMessageAtEachFieldAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Feil " + UUID.randomUUID());
        // a partner to share with, but no partner named and no way of giving: two messages, and PHOTOS not saved
        Document page = Jsoup.parse(send(person, UUID.randomUUID(), null, "PHOTOS", "SHARE_WITH_PARTNER")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#method-error").text()).isEqualTo("Velg hvordan samtykket ble gitt.");
        assertThat(page.select(".error-summary a").eachAttr("href")).contains("#method");
        assertThat(page.select("#consents-section input[name=purposes][checked]").eachAttr("value"))
                .containsExactly("SHARE_WITH_PARTNER", "PHOTOS");
        page = Jsoup.parse(send(person, UUID.randomUUID(), "SIGNED", "PHOTOS", "SHARE_WITH_PARTNER")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#partner-error").text()).isEqualTo("Skriv hvilken samarbeidspartner opplysningene kan deles med.");
        // nothing ticked
        page = Jsoup.parse(send(person, UUID.randomUUID(), "SIGNED").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#purposes-error").text()).isEqualTo("Kryss av minst ett formål.");
        // a purpose that does not exist
        send(person, UUID.randomUUID(), "SIGNED", "PHOTOS", "EVERYTHING").andExpect(status().isOk());
        // involving a relative who is not linked
        UUID stranger = people.register(DEMO_RECOVERY, "Skien", "Ukjent " + UUID.randomUUID());
        page = Jsoup.parse(mvc.perform(post("/persons/" + person + "/consents").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("method", "SIGNED")
                        .param("purposes", "PHOTOS", "INVOLVE_RELATIVE").param("relativeId", stranger.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select(".error-summary").text()).contains("Velg hvilken pårørende samtykket gjelder.");
        assertThat(consents(person)).isEmpty();
        assertThat(given(person)).isZero();
    }

    @Test
    void consentsAreGivenAtRegistrationInTheSameTransaction() throws Exception {
        String name = "Ny " + UUID.randomUUID();
        UUID formId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) { // a double submit registers one person with two consents
            mvc.perform(register(formId, name).param("consentPurposes", "REGISTRATION", "STATISTICS")
                    .param("consentMethod", "SIGNED")).andExpect(status().is3xxRedirection());
        }
        assertThat(consents(formId)).containsExactly("REGISTRATION SIGNED active", "STATISTICS SIGNED active");
        Document form = Jsoup.parse(mvc.perform(get("/persons/new").with(user(staff()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.select("input[name=consentPurposes]").eachAttr("value"))
                .containsExactly("REGISTRATION", "CONTACT_SMS", "CONTACT_EMAIL", "STATISTICS", "PHOTOS");
        assertThat(form.select("input[name=consentMethod]")).hasSize(3);
    }

    @Test
    void aRegistrationWithBadConsentsSavesNoPerson() throws Exception {
        String name = "Halv " + UUID.randomUUID();
        Document page = Jsoup.parse(mvc.perform(register(UUID.randomUUID(), name).param("consentPurposes", "PHOTOS"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#consentMethod-error").text()).isEqualTo("Velg hvordan samtykket ble gitt.");
        assertThat(page.select("input[name=consentPurposes][checked]").eachAttr("value")).containsExactly("PHOTOS");
        page = Jsoup.parse(mvc.perform(register(UUID.randomUUID(), name).param("consentPurposes", "INVOLVE_RELATIVE")
                        .param("consentMethod", "VERBAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#consentPurposes-error").text()).startsWith("Samtykke til å involvere pårørende");
        // a bad field elsewhere on the form: neither the person nor the consents
        mvc.perform(register(UUID.randomUUID(), name).param("email", "ikke-en-adresse")
                .param("consentPurposes", "PHOTOS").param("consentMethod", "VERBAL")).andExpect(status().isOk());
        assertThat(system(() -> db.sql("SELECT count(*) FROM person WHERE display_name = ?").param(name)
                .query(Long.class).single())).isZero();
    }

    private MockHttpServletRequestBuilder register(UUID formId, String name) {
        return post("/persons").with(user(staff())).with(csrf()).param("formId", formId.toString())
                .param("displayName", name).param("role", "PARTICIPANT")
                .param("departmentId", People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id()).toString());
    }

    private ResultActions send(UUID person, UUID formId, String method, String... purposes) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/persons/" + person + "/consents").with(user(staff())).with(csrf())
                .param("formId", formId.toString()).param("purposes", purposes);
        if (method != null) {
            request.param("method", method);
        }
        return mvc.perform(request);
    }

    private Document page(UUID person) throws Exception {
        return Jsoup.parse(mvc.perform(get("/persons/" + person).with(user(staff()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<String> consents(UUID person) {
        return system(() -> db.sql("""
                        SELECT purpose || ' ' || method || ' ' || CASE WHEN withdrawn_at IS NULL THEN 'active' ELSE 'withdrawn' END
                          FROM consent WHERE person_id = ? ORDER BY purpose""")
                .param(person).query(String.class).list());
    }

    private long given(UUID person) {
        return system(() -> db.sql("SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'CONSENT_GIVEN'")
                .param(person).query(Long.class).single());
    }

    private <T> T system(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> work.get()));
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername(Demo.STAFF);
    }
}

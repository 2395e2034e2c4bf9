package no.tilfrisk.person;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.OrganisationSettings;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class PersonDirectoryTest {

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
    @Autowired
    ConsentCheck consentCheck;
    @Autowired
    Organisations organisations;

    @Test
    void staffRegisterAPersonAndASecondTryWarnsOfADuplicate() throws Exception {
        String name = "Ola " + UUID.randomUUID().toString().substring(0, 6);
        MvcResult first = register(staff(), name, "1980", UUID.randomUUID().toString());
        String location = first.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/persons/").endsWith("?registered");

        mvc.perform(post("/persons").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("displayName", name.toUpperCase())
                        .param("birthYear", "1980").param("departmentId", skien().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Finnes personen allerede?")));

        mvc.perform(post("/persons").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("displayName", name)
                        .param("birthYear", "1980").param("departmentId", skien().toString())
                        .param("confirmDuplicate", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(countNamed(name)).isEqualTo(2);
    }

    @Test
    void aDoubleSubmitRegistersOnePerson() throws Exception {
        String name = "Dobbel " + UUID.randomUUID().toString().substring(0, 6);
        String formId = UUID.randomUUID().toString();
        register(staff(), name, "1970", formId);
        register(staff(), name, "1970", formId);
        assertThat(countNamed(name)).isEqualTo(1);
    }

    @Test
    void theNoteIsEncryptedAtRestAndShownToStaffWithAccess() throws Exception {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "Notert " + UUID.randomUUID());
        mvc.perform(post("/persons/" + id).with(user(staff())).with(csrf())
                        .param("displayName", "Notert").param("note", "Hemmelig notat <script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection());
        byte[] stored = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT note_encrypted FROM person WHERE id = ?").param(id).query(byte[].class).single()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Hemmelig");
        mvc.perform(get("/persons/" + id).with(user(staff())))
                .andExpect(content().string(containsString("Hemmelig notat &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void staffDoNotSeePersonsOfOtherDepartmentsAndNobodyOfOtherOrganisations() throws Exception {
        UUID stavanger = people.register(DEMO_RECOVERY, "Stavanger", "Stavangerperson " + UUID.randomUUID());
        UUID other = people.register(Demo.OTHER_ORGANISATION, "Bergen", "Bergensperson");
        mvc.perform(get("/persons/" + stavanger).with(user(staff()))).andExpect(status().isNotFound());
        mvc.perform(get("/persons/" + stavanger).with(user(admin()))).andExpect(status().isOk());
        mvc.perform(get("/persons/" + other).with(user(admin()))).andExpect(status().isNotFound());
        mvc.perform(get("/persons").param("q", "Stavangerperson").with(user(staff())))
                .andExpect(content().string(containsString("0 personer")));
        mvc.perform(get("/persons").param("q", "Bergensperson").with(user(admin())))
                .andExpect(content().string(containsString("0 personer")));
    }

    @Test
    void theNationalIdNumberIsOnlyTakenWhereTurnedOnIsValidatedAndFoundByExactMatchOnly() throws Exception {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "Fnr " + UUID.randomUUID());
        mvc.perform(post("/persons/" + id).with(user(admin())).with(csrf()).param("displayName", "Fnr").param("nationalId", "01010012356"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("registrerer ikke fødselsnummer")));
        try {
            setNationalIdEnabled(true);
            mvc.perform(post("/persons/" + id).with(user(admin())).with(csrf()).param("displayName", "Fnr").param("nationalId", "01010012357"))
                    .andExpect(content().string(containsString("Fødselsnummeret er ikke gyldig")));
            mvc.perform(post("/persons/" + id).with(user(admin())).with(csrf()).param("displayName", "Fnr").param("nationalId", "010100 12356"))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/persons/" + id).with(user(admin())))
                    .andExpect(content().string(containsString("010100 *****")))
                    .andExpect(content().string(not(containsString("01010012356"))));
            // the result list (what search-as-you-type fetches) never shows the number
            mvc.perform(get("/persons").param("q", "01010012356").header("HX-Request", "true").with(user(admin())))
                    .andExpect(content().string(containsString("1 personer")))
                    .andExpect(content().string(not(containsString("12356"))));
            mvc.perform(get("/persons").param("q", "010100").with(user(admin())))
                    .andExpect(content().string(containsString("0 personer")));
        } finally {
            setNationalIdEnabled(false);
        }
    }

    @Test
    void badInputGetsFieldMessagesAndSavesNothing() throws Exception {
        String name = "x".repeat(101);
        mvc.perform(post("/persons").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("displayName", name).param("birthYear", "1850").param("birthDate", "2999-01-01")
                        .param("email", "ikke-en-adresse").param("phone", "ring meg").param("departmentId", skien().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Navnet kan ha høyst 100 tegn.")))
                .andExpect(content().string(containsString("Fødselsåret må være mellom 1900 og 2100.")))
                .andExpect(content().string(containsString("Fødselsdatoen kan ikke være fram i tid.")))
                .andExpect(content().string(containsString("Skriv inn en gyldig e-postadresse")))
                .andExpect(content().string(containsString("Skriv telefonnummeret med sifre")));
        mvc.perform(post("/persons").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("displayName", "Feil år").param("birthYear", "nittensytti").param("departmentId", "not-a-uuid"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv et helt tall.")));
        mvc.perform(post("/persons").with(user(staff())).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("displayName", "Annens avdeling").param("departmentId", People.asSystem(DEMO_RECOVERY, () -> people.department("Stavanger").id()).toString()))
                .andExpect(content().string(containsString("Du kan bare registrere personer i dine egne avdelinger.")));
        assertThat(countNamed(name)).isZero();
        assertThat(countNamed("Feil år")).isZero();
        assertThat(countNamed("Annens avdeling")).isZero();
        mvc.perform(get("/persons/not-a-uuid").with(user(staff()))).andExpect(status().is4xxClientError());
    }

    @Test
    void aWithdrawnConsentStopsAtOnce() throws Exception {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "Samtykke " + UUID.randomUUID());
        mvc.perform(post("/persons/" + id + "/consents").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("purposes", "CONTACT_SMS").param("method", "SIGNED"))
                .andExpect(status().is3xxRedirection());
        assertThat(consent(id, ConsentPurpose.CONTACT_SMS)).isTrue();
        assertThat(consent(id, ConsentPurpose.CONTACT_EMAIL)).isFalse();
        UUID consentId = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM consent WHERE person_id = ? AND purpose = 'CONTACT_SMS'").param(id).query(UUID.class).single()));
        mvc.perform(post("/persons/" + id + "/consents/" + consentId + "/withdraw").with(user(staff())).with(csrf())
                        .param("method", "VERBAL").param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(consent(id, ConsentPurpose.CONTACT_SMS)).isFalse();
        mvc.perform(post("/persons/" + id + "/consents").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("purposes", "SHARE_WITH_PARTNER").param("method", "SIGNED"))
                .andExpect(content().string(containsString("Skriv hvilken samarbeidspartner")));
    }

    @Test
    void aConsentGivenTwiceIsOneConsentAndOneWithdrawalEndsIt() throws Exception {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "To ganger " + UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/persons/" + id + "/consents").with(user(staff())).with(csrf())
                    .param("formId", UUID.randomUUID().toString()).param("purposes", "CONTACT_EMAIL").param("method", "SIGNED")).andExpect(status().is3xxRedirection());
        }
        UUID consentId = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM consent WHERE person_id = ? AND purpose = 'CONTACT_EMAIL'").param(id).query(UUID.class).single()));
        mvc.perform(post("/persons/" + id + "/consents/" + consentId + "/withdraw").with(user(staff())).with(csrf())
                .param("method", "VERBAL").param("confirmed", "true"));
        assertThat(consent(id, ConsentPurpose.CONTACT_EMAIL)).isFalse();
    }

    @Test
    void valuesTheDatabaseRefusesAreA400NotA500() throws Exception {
        mvc.perform(post("/api/v1/persons").header("Authorization", Demo.bearer("demo-admin"))
                        .contentType("application/json").content("{\"displayName\": \"Nul\\u0000tegn\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/persons").header("Authorization", Demo.bearer("demo-admin"))
                        .contentType("application/json").content("{\"displayName\": \"Gammel\", \"birthDate\": \"1850-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(MockMvcResultMatchers.jsonPath("$.errors[0].field").value("birthDate"));
        mvc.perform(get("/api/v1/persons").param("page", "2147483647").header("Authorization", Demo.bearer("demo-admin")))
                .andExpect(status().isOk());
    }

    @Test
    void deactivationNeedsAReasonAndCanBeUndone() throws Exception {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "Deaktiv " + UUID.randomUUID());
        mvc.perform(post("/persons/" + id + "/deactivate").with(user(staff())).with(csrf()).param("reason", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(active(id)).isTrue();
        // a reason given: first the question, naming the person, and no change
        mvc.perform(post("/persons/" + id + "/deactivate").with(user(staff())).with(csrf()).param("reason", "Flyttet"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vil du deaktivere Deaktiv ")))
                .andExpect(content().string(containsString("name=\"confirmed\"")));
        assertThat(active(id)).isTrue();
        mvc.perform(post("/persons/" + id + "/deactivate").with(user(staff())).with(csrf()).param("reason", "Flyttet")
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(active(id)).isFalse();
        mvc.perform(post("/persons/" + id + "/reactivate").with(user(staff())).with(csrf()));
        assertThat(active(id)).isTrue();
    }

    @Test
    void aRelativeIsLinkedAndConsentToInvolveThemIsForThatRelativeOnly() throws Exception {
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Deltaker " + UUID.randomUUID());
        UUID mother = people.register(DEMO_RECOVERY, "Skien", "Mor " + UUID.randomUUID());
        UUID stranger = people.register(DEMO_RECOVERY, "Stavanger", "Fremmed " + UUID.randomUUID());
        mvc.perform(post("/persons/" + participant + "/relatives").with(user(staff())).with(csrf())
                .param("relativeId", mother.toString()).param("relation", "mor")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/persons/" + participant + "/relatives").with(user(staff())).with(csrf())
                .param("relativeId", stranger.toString())).andExpect(status().isNotFound());
        mvc.perform(get("/persons/" + participant).with(user(staff())))
                .andExpect(content().string(containsString("(mor)")))
                .andExpect(content().string(containsString("Registrert")));
        mvc.perform(post("/persons/" + participant + "/consents").with(user(staff())).with(csrf())
                .param("formId", UUID.randomUUID().toString()).param("purposes", "INVOLVE_RELATIVE").param("method", "SIGNED").param("relativeId", mother.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(Tenancy.runAs(DEMO_RECOVERY, () -> consentCheck.isGiven(participant, ConsentPurpose.INVOLVE_RELATIVE, mother, null))).isTrue();
        assertThat(Tenancy.runAs(DEMO_RECOVERY, () -> consentCheck.isGiven(participant, ConsentPurpose.INVOLVE_RELATIVE, stranger, null))).isFalse();
    }

    private MvcResult register(UserDetails who, String name, String birthYear, String formId) throws Exception {
        return mvc.perform(post("/persons").with(user(who)).with(csrf()).param("formId", formId)
                        .param("displayName", name).param("birthYear", birthYear).param("role", "PARTICIPANT")
                        .param("departmentId", skien().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private boolean consent(UUID id, ConsentPurpose purpose) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> consentCheck.isGiven(id, purpose));
    }

    private boolean active(UUID id) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT active FROM person WHERE id = ?").param(id).query(Boolean.class).single()));
    }

    private int countNamed(String name) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT count(*) FROM person WHERE lower(display_name) = lower(?)").param(name).query(Integer.class).single()));
    }

    private void setNationalIdEnabled(boolean on) {
        People.asSystem(DEMO_RECOVERY, () -> {
            OrganisationSettings settings = organisations.settings();
            settings.setNationalIdEnabled(on);
            organisations.changeSettings(settings);
            return null;
        });
    }

    private UUID skien() {
        return People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id());
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername(Demo.STAFF);
    }

    private UserDetails admin() {
        return accounts.loadUserByUsername(Demo.ADMIN);
    }
}

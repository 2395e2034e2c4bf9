package no.tilfrisk.person;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.activity.SessionSignUps;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.MappingForm;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class DataSubjectRightsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    Mappings mappings;
    @Autowired
    Plans plans;
    @Autowired
    SessionSignUps signUps;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theExportHoldsEverythingAndIsAudited() throws Exception {
        String name = "Eksport " + UUID.randomUUID();
        UUID id = people.register(DEMO_RECOVERY, "Skien", name);
        mvc.perform(post("/persons/" + id).with(user(accounts.loadUserByUsername(Demo.STAFF))).with(csrf())
                .param("displayName", name).param("phone", "912 34 567").param("note", "Eget notat"));
        mvc.perform(get("/api/v1/persons/" + id + "/export").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person.displayName").value(name))
                .andExpect(jsonPath("$.person.phone").value("912 34 567"))
                .andExpect(jsonPath("$.person.note").value("Eget notat"))
                .andExpect(jsonPath("$.person.roles[0].role").value("PARTICIPANT"))
                .andExpect(jsonPath("$.person.memberships[0].departmentName").value("Skien"))
                .andExpect(jsonPath("$.accessLog[0].actorName").value("Anders Ansatt"));
        mvc.perform(get("/persons/" + id + "/export").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(get("/persons/" + id + "/export/print").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(content().string(containsString("Alt som er registrert om " + name)));
        byte[] pdf = mvc.perform(get("/persons/" + id + "/export.pdf").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(name).contains("912 34 567").contains("Eget notat").contains("Deltaker").contains("Fødselsår");
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'EXPORT'", id)).isEqualTo(4);
    }

    @Test
    void theExportHasWhatTheOtherModulesHoldWithTheNotesAndTheParticipantsWords() throws Exception {
        String name = "Innsyn " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = people.register(DEMO_RECOVERY, "Skien", name);
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        mvc.perform(post("/persons/" + id + "/contacts").with(user(staff)).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("date", today().toString()).param("time", "10:30")
                        .param("type", "ONE_TO_ONE").param("durationMinutes", "45").param("note", "Snakket om boligsøknaden"))
                .andExpect(status().is3xxRedirection());
        // a second contact, voided, whose note is a word a template could take for «false»
        String voided = UUID.randomUUID().toString();
        mvc.perform(post("/persons/" + id + "/contacts").with(user(staff)).with(csrf())
                        .param("formId", voided).param("date", today().toString()).param("time", "11:00")
                        .param("type", "PHONE").param("note", "False"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/contacts/" + voided + "/void").with(user(staff)).with(csrf()).param("reason", "Feil person"))
                .andExpect(status().is3xxRedirection());
        MappingForm mapping = new MappingForm();
        mapping.setMappedOn(today());
        mapping.area(LifeArea.HOUSING, 3, "Bor på hybel");
        mapping.setDreams("Et eget kjøkken");
        GoalForm goal = new GoalForm();
        goal.setLifeArea(LifeArea.HOUSING);
        goal.setText("Få egen leilighet");
        People.asSystem(DEMO_RECOVERY, () -> {
            mappings.record(UUID.randomUUID(), id, mapping);
            return plans.addGoal(UUID.randomUUID(), id, goal);
        });
        mvc.perform(post("/persons/" + id + "/outcomes").with(user(staff)).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("instrumentId", "who-5")
                        .param("answeredOn", today().toString()).param("answers[cheerful]", "3").param("answers[calm]", "4")
                        .param("answers[active]", "2").param("answers[rested]", "5").param("answers[interest]", "1"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/persons/" + id + "/export").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.contacts[0].note").value("Snakket om boligsøknaden"))
                .andExpect(jsonPath("$.sections.contacts[0].durationMinutes").value(45))
                .andExpect(jsonPath("$.sections.plan.mappings[0].dreams").value("Et eget kjøkken"))
                .andExpect(jsonPath("$.sections.plan.mappings[0].areas[0].ownWords").value("Bor på hybel"))
                .andExpect(jsonPath("$.sections.plan.plan.goals[0].text").value("Få egen leilighet"))
                .andExpect(jsonPath("$.sections.outcomes.responses[0].instrumentId").value("who-5"))
                .andExpect(jsonPath("$.sections.outcomes.responses[0].score.value").value(60))
                .andExpect(jsonPath("$.sections.outcomes.drafts").isEmpty())
                .andExpect(jsonPath("$.sections.invitations").isEmpty())
                .andExpect(jsonPath("$.sections.projects").isEmpty());
        byte[] pdf = mvc.perform(get("/persons/" + id + "/export.pdf").with(user(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Kontakter", "1-1-samtale", "45 minutter", "Snakket om boligsøknaden",
                    "Kartlegginger", "Bolig: 3 – Bor på hybel", "Et eget kjøkken", "Få egen leilighet (Ikke startet)",
                    "Målinger", "WHO-5", "Skår 60", "False", "Grunn: Feil person");
            // in the order the modules give: contacts, the plan, measurements
            assertThat(text.indexOf("Kontakter")).isLessThan(text.indexOf("Kartlegginger"));
            assertThat(text.indexOf("Kartlegginger")).isLessThan(text.indexOf("Målinger"));
        }
        mvc.perform(get("/persons/" + id + "/export/print").with(user(staff)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mappings")))
                .andExpect(content().string(containsString("Snakket om boligsøknaden")));
    }

    @Test
    void theExportHasThePersonsActivitiesAndProjectsEverySessionTheyCameToAndSignedUpFor() throws Exception {
        var dagAccount = accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        UUID dag = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT id FROM person WHERE full_name = 'Dag Deltaker'").query(UUID.class).single()));
        var session = People.as(dagAccount, signUps::coming).stream().filter(c -> !c.cancelled() && !c.signedUp())
                .reduce((a, b) -> b).orElseThrow();
        People.as(dagAccount, () -> {
            signUps.signUp(session.sessionId(), true);
            return null;
        });
        try {
            mvc.perform(get("/api/v1/persons/" + dag + "/export").header("Authorization", bearer("demo-ansatt")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sections.activities.attended[*].activity",
                            Matchers.hasItem("Friluftsgruppe")))
                    .andExpect(jsonPath("$.sections.activities.signedUp[*].date",
                            Matchers.hasItem(session.date().toString())))
                    .andExpect(jsonPath("$.sections.activities.received").isArray())
                    .andExpect(jsonPath("$.sections.projects[*].project", Matchers.hasItem("Steg for steg")));
            byte[] pdf = mvc.perform(get("/persons/" + dag + "/export.pdf").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Aktiviteter", "Deltok på", "Friluftsgruppe", "Påmeldt på Min side",
                        "meldte seg på", "Prosjekter", "Steg for steg (Tilskuddsgiver: Stiftelsen Dam)",
                        "Invitasjoner til Min side");
                assertThat(text.indexOf("Målinger")).isLessThan(text.indexOf("Deltok på"));
            }
        } finally {
            People.as(dagAccount, () -> {
                signUps.signUp(session.sessionId(), false);
                return null;
            });
        }
    }

    @Test
    void erasureRemovesIdentityButKeepsTheCounts() throws Exception {
        String name = "Slettes " + UUID.randomUUID();
        UUID id = people.register(DEMO_RECOVERY, "Skien", name);
        var coordinator = accounts.loadUserByUsername("koordinator@demo.tilfrisk.no");
        mvc.perform(post("/persons/" + id).with(user(coordinator)).with(csrf())
                .param("displayName", name).param("fullName", "Helt Navn").param("email", "slett@example.org"));

        mvc.perform(post("/persons/" + id + "/erase").with(user(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM person WHERE id = ? AND erased_at IS NULL", id))
                .as("nothing erased without the confirmation").isEqualTo(1);
        mvc.perform(post("/persons/" + id + "/erase").with(user(accounts.loadUserByUsername(Demo.STAFF))).with(csrf())
                        .param("confirm", "true"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/persons/" + id + "/erase").with(user(coordinator)).with(csrf()).param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("SELECT count(*) FROM person WHERE id = ? AND erased_at IS NOT NULL AND full_name IS NULL "
                + "AND email IS NULL AND display_name = 'Slettet person'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM person_role WHERE person_id = ?", id)).as("role still counted").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM person_department WHERE person_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'ERASE'", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM consent WHERE person_id = ? AND withdrawn_at IS NULL", id))
                .as("consents end with the person").isZero();
        mvc.perform(get("/persons/" + id).with(user(coordinator))).andExpect(status().isNotFound());
        mvc.perform(post("/persons/" + id).with(user(coordinator)).with(csrf()).param("displayName", "Gjenoppstått")
                .param("note", "nytt notat")).andExpect(status().isNotFound());
        assertThat(count("SELECT count(*) FROM person WHERE id = ? AND note_encrypted IS NULL AND display_name = 'Slettet person'", id))
                .as("nothing written back into an erased person").isEqualTo(1);
        mvc.perform(get("/persons").param("q", name).header("HX-Request", "true").with(user(coordinator)))
                .andExpect(content().string(containsString("0 personer")))
                .andExpect(content().string(not(containsString(name))));
    }

    @Test
    void personsWithoutActivityForTheRetentionPeriodAreListedForReview() throws Exception {
        String name = "Gammel " + UUID.randomUUID();
        UUID id = people.register(DEMO_RECOVERY, "Skien", name);
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("UPDATE person SET last_activity_at = now() - interval '25 months' WHERE id = ?").param(id).update()));
        mvc.perform(get("/persons/review").with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
    }

    private int count(String sql, UUID id) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(sql).param(id).query(Integer.class).single()));
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}

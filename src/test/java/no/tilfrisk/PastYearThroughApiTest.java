package no.tilfrisk;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.OutcomeSettings;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.report.ReportNarratives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loading a past year through {@code /api/v1} as an integrator would (issue 20, item 1): a person's roles and
 * memberships with their own dates (added, backdated, ended), relatives linked and unlinked, a cancelled session
 * reinstated, the report's texts and settings, the outcome thresholds; every error field by field in the caller's
 * language, a retried request adding nothing twice, and the reads and writes in the audit trail. The persons live in
 * a department of this class's own and are deactivated at the end; the settings are put back as they were.
 */
@TilfriskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastYearThroughApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Departments departments;
    @Autowired
    PersonDirectory persons;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    ReportNarratives narratives;
    @Autowired
    OutcomeAggregates outcomes;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    UUID department;
    final List<UUID> made = new java.util.ArrayList<>();

    @BeforeAll
    void ownDepartment() {
        department = People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(),
                new DepartmentForm("Paritet " + UUID.randomUUID().toString().substring(0, 6), "Skien",
                        LocalDate.of(2015, 1, 1))).id());
    }

    @AfterAll
    void deactivateTheFixturePersons() {
        People.asSystem(DEMO_RECOVERY, () -> {
            made.forEach(id -> persons.deactivate(id, "Testdata"));
            return null;
        });
    }

    @Test
    void aPersonsRolesAndMembershipsCarryTheirOwnDatesSoAPastYearCanBeLoaded() throws Exception {
        UUID person = register("Fjorår");
        // registration dates the first role and membership today: backdate them to the past year
        String roles = send(get("/api/v1/persons/" + person + "/roles"), "", "nb").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andReturn().getResponse().getContentAsString();
        String roleId = JsonPath.read(roles, "$[0].id");
        send(put("/api/v1/persons/" + person + "/roles/" + roleId), "{\"from\": \"2023-01-15\"}", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2023-01-15"))
                .andExpect(jsonPath("$.to").doesNotExist());
        String memberships = send(get("/api/v1/persons/" + person + "/memberships"), "", "nb")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String membershipId = JsonPath.read(memberships, "$[0].id");
        send(put("/api/v1/persons/" + person + "/memberships/" + membershipId), "{\"from\": \"2023-01-15\"}", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2023-01-15"))
                .andExpect(jsonPath("$.departmentId").value(department.toString()));
        // a volunteer role for the spring of 2023 only, sent twice with one Idempotency-Key: one role
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            send(post("/api/v1/persons/" + person + "/roles").header("Idempotency-Key", key.toString()),
                    "{\"role\": \"VOLUNTEER\", \"from\": \"2023-03-01\", \"to\": \"2023-06-30\"}", "nb")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").value(key.toString()))
                    .andExpect(jsonPath("$.to").value("2023-06-30"));
        }
        send(get("/api/v1/persons/" + person + "/roles"), "", "nb").andExpect(jsonPath("$.length()").value(2));
        // ended at the year's end, then the membership too
        send(post("/api/v1/persons/" + person + "/roles/" + roleId + "/end"), "{\"to\": \"2023-12-31\"}", "nb")
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("2023-12-31"));
        send(post("/api/v1/persons/" + person + "/memberships/" + membershipId + "/end"), "{\"to\": \"2023-12-31\"}", "nb")
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("2023-12-31"));
        // a second membership of the same department, added with its dates
        UUID second = UUID.randomUUID();
        send(post("/api/v1/persons/" + person + "/memberships").header("Idempotency-Key", second.toString()),
                "{\"departmentId\": \"" + department + "\", \"from\": \"2024-02-01\"}", "nb")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(second.toString()))
                .andExpect(jsonPath("$.from").value("2024-02-01"));
        // what the person's page shows is what the API wrote
        var details = People.asSystem(DEMO_RECOVERY, () -> persons.get(person));
        assertThat(details.roles()).extracting(r -> r.role().name() + " " + r.from() + " " + r.to())
                .containsExactlyInAnyOrder("GUEST 2023-01-15 2023-12-31", "VOLUNTEER 2023-03-01 2023-06-30");
        assertThat(details.memberships()).extracting(m -> m.from() + " " + m.to())
                .containsExactlyInAnyOrder("2023-01-15 2023-12-31", "2024-02-01 null");
        assertThat(audit(person, "person.roles")).isGreaterThanOrEqualTo(4);
        assertThat(audit(person, "person.memberships")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void wrongDatesAndChoicesAreFieldErrorsInTheCallersLanguageAndSaveNothing() throws Exception {
        UUID person = register("Feil");
        send(post("/api/v1/persons/" + person + "/roles"), "{\"from\": \"2023-05-01\", \"to\": \"2023-01-01\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'role')].message").value("Velg en rolle."))
                .andExpect(jsonPath("$.errors[?(@.field == 'to')].message")
                        .value("Sluttdatoen kan ikke være før startdatoen."));
        send(post("/api/v1/persons/" + person + "/roles"), "{\"role\": \"GUEST\", \"from\": \"1850-01-01\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("The date must be between 1900 and 2100."));
        send(post("/api/v1/persons/" + person + "/roles"), "{\"role\": \"KONGE\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        send(post("/api/v1/persons/" + person + "/memberships"), "{\"from\": \"15.01.2023\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("Må være en dato på formen 2026-03-02."));
        send(post("/api/v1/persons/" + person + "/memberships"), "{\"departmentId\": \"" + UUID.randomUUID() + "\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
        String roleId = JsonPath.read(send(get("/api/v1/persons/" + person + "/roles"), "", "nb")
                .andReturn().getResponse().getContentAsString(), "$[0].id");
        send(put("/api/v1/persons/" + person + "/roles/" + roleId), "{\"to\": \"2020-01-01\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'from')].message").value("Enter a start date."));
        send(put("/api/v1/persons/" + person + "/roles/" + UUID.randomUUID()), "{\"from\": \"2020-01-01\"}", "en")
                .andExpect(status().isNotFound());
        // nothing was added or changed
        var details = People.asSystem(DEMO_RECOVERY, () -> persons.get(person));
        assertThat(details.roles()).hasSize(1);
        assertThat(details.roles().get(0).from()).isEqualTo(LocalDate.now(clock));
        assertThat(details.memberships()).hasSize(1);
    }

    @Test
    void relativesAreLinkedAndUnlinkedAndAnotherOrganisationSeesNothing() throws Exception {
        UUID participant = register("Deltaker");
        UUID mother = register("Mor");
        String link = send(post("/api/v1/persons/" + participant + "/relatives"),
                "{\"relativeId\": \"" + mother + "\", \"relation\": \"mor\"}", "nb")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personId").value(mother.toString()))
                .andExpect(jsonPath("$.relation").value("mor"))
                .andReturn().getResponse().getContentAsString();
        // sent again: one link, the relation as sent last
        send(post("/api/v1/persons/" + participant + "/relatives"),
                "{\"relativeId\": \"" + mother + "\", \"relation\": \"mamma\"}", "nb").andExpect(status().isCreated());
        send(get("/api/v1/persons/" + participant + "/relatives"), "", "nb")
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].relation").value("mamma"));
        send(get("/api/v1/persons/" + mother + "/relatives"), "", "nb")
                .andExpect(jsonPath("$[0].personId").value(participant.toString()));
        send(post("/api/v1/persons/" + participant + "/relatives"), "{\"relativeId\": \"" + participant + "\"}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("relativeId"));
        send(post("/api/v1/persons/" + participant + "/relatives"), "{}", "en")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("relativeId"));
        mvc.perform(get("/api/v1/persons/" + participant + "/relatives").header("Authorization", bearer("demo-annen")))
                .andExpect(status().isNotFound());
        String linkId = JsonPath.read(link, "$.linkId");
        for (int i = 0; i < 2; i++) {
            send(delete("/api/v1/persons/" + participant + "/relatives/" + linkId), "", "nb")
                    .andExpect(status().isNoContent());
        }
        send(get("/api/v1/persons/" + participant + "/relatives"), "", "nb").andExpect(jsonPath("$.length()").value(0));
        assertThat(audit(participant, "person.relatives")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aCancelledSessionIsReinstated() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Activity activity = activities.activity(DEMO_RECOVERY, "Skien", "Gjeninnsatt " + UUID.randomUUID(), false,
                today.minusDays(30), null, List.of());
        ActivitySession session = activities.session(DEMO_RECOVERY, activity.id(), today.minusDays(7));
        send(post("/api/v1/sessions/" + session.id() + "/cancel"), "{\"reason\": \"Sykdom\"}", "nb")
                .andExpect(status().isOk()).andExpect(jsonPath("$.cancelled").value(true));
        for (int i = 0; i < 2; i++) {
            send(post("/api/v1/sessions/" + session.id() + "/reinstate"), "", "nb")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.cancelled").value(false))
                    .andExpect(jsonPath("$.cancelReason").doesNotExist());
        }
        mvc.perform(post("/api/v1/sessions/" + session.id() + "/reinstate").header("Authorization", bearer("demo-annen")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReportsTextsAndSettingsAreWrittenThroughTheApi() throws Exception {
        int year = 2019;
        var before = People.asSystem(DEMO_RECOVERY, () -> narratives.savingAssumption());
        try {
            admin(put("/api/v1/reports/annual/texts/introduction").param("year", String.valueOf(year)),
                    "{\"markdown\": \"Vi startet **i år**.\"}", "nb")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.section").value("introduction"))
                    .andExpect(jsonPath("$.text").value("Vi startet i år."));
            admin(get("/api/v1/reports/annual/texts").param("year", String.valueOf(year)), "", "nb")
                    .andExpect(jsonPath("$[?(@.section == 'introduction')].markdown").value("Vi startet **i år**."));
            // an empty text removes it
            admin(put("/api/v1/reports/annual/texts/introduction"), "{\"year\": " + year + ", \"markdown\": \"\"}", "nb")
                    .andExpect(status().isNoContent());
            admin(put("/api/v1/reports/annual/texts/introduction"), "{\"markdown\": \"x\"}", "en")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
            admin(put("/api/v1/reports/annual/texts/nosuch").param("year", "2019"), "{\"markdown\": \"x\"}", "en")
                    .andExpect(status().isNotFound());
            admin(put("/api/v1/reports/annual/settings"),
                    "{\"savingLowNok\": -1, \"savingHighNok\": 5, \"savingSource\": \"\"}", "en")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'savingLowNok')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'savingSource')]").exists());
            admin(put("/api/v1/reports/annual/settings"),
                    "{\"savingLowNok\": 400000, \"savingHighNok\": 900000, \"savingSource\": \"SSB 2024\"}", "nb")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.lowNok").value(400000));
            admin(get("/api/v1/reports/annual/settings"), "", "nb").andExpect(jsonPath("$.source").value("SSB 2024"));
            call(get("/api/v1/reports/annual/settings"), "", "nb", "demo-ansatt").andExpect(status().isForbidden());
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                narratives.changeSavingAssumption(before.lowNok(), before.highNok(), before.source());
                return null;
            });
        }
    }

    @Test
    void theOutcomeThresholdsAreChangedThroughTheApi() throws Exception {
        OutcomeSettings before = People.asSystem(DEMO_RECOVERY, () -> outcomes.settings());
        try {
            admin(put("/api/v1/outcomes/settings"), "{\"abstinenceWindowMonths\": 0, \"minGapDays\": 90, "
                    + "\"qualityOfLifeGain\": 1, \"who5Gain\": \"ti\", \"meaningfulMin\": 7}", "nb")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("who5Gain"));
            admin(put("/api/v1/outcomes/settings"), "{\"abstinenceWindowMonths\": 0, \"minGapDays\": 9999, "
                    + "\"qualityOfLifeGain\": 1, \"who5Gain\": 10, \"meaningfulMin\": 7}", "nb")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[?(@.field == 'abstinenceWindowMonths')]").exists())
                    .andExpect(jsonPath("$.errors[?(@.field == 'minGapDays')]").exists());
            admin(put("/api/v1/outcomes/settings"), "{\"abstinenceWindowMonths\": 6, \"minGapDays\": 60, "
                    + "\"qualityOfLifeGain\": 2, \"who5Gain\": 12, \"meaningfulMin\": 6}", "nb")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.minGapDays").value(60));
            admin(put("/api/v1/outcomes/instruments/nosuch"), "{\"enabled\": true}", "nb").andExpect(status().isNotFound());
            admin(put("/api/v1/outcomes/instruments/who-5"), "{}", "en")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enabled"));
            call(get("/api/v1/outcomes/settings"), "", "nb", "demo-ansatt").andExpect(status().isForbidden());
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                outcomes.changeSettings(before);
                return null;
            });
        }
    }

    @Test
    void theConsentFormShowsThePurposesAlreadyGivenAsGiven() throws Exception {
        UUID person = register("Samtykke");
        send(post("/api/v1/persons/" + person + "/consents"), "{\"purpose\": \"PHOTOS\", \"method\": \"VERBAL\"}", "nb")
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/persons/" + person).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                accounts.loadUserByUsername(Demo.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bilder (allerede gitt)");
        assertThat(page).contains("<input type=\"checkbox\" checked disabled id=\"given-purposes1\">",
                "<label for=\"given-purposes1\">Bilder (allerede gitt)</label>");
        // and it is no longer offered to tick
        assertThat(page).doesNotContain("value=\"PHOTOS\"");
    }

    @Test
    void theNewOperationsAreDocumentedWithExamples() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String path : List.of("/api/v1/persons/{id}/roles", "/api/v1/persons/{id}/roles/{roleId}",
                "/api/v1/persons/{id}/memberships", "/api/v1/persons/{id}/relatives",
                "/api/v1/sessions/{id}/reinstate", "/api/v1/reports/annual/texts/{section}",
                "/api/v1/reports/annual/settings", "/api/v1/outcomes/settings")) {
            assertThat(doc).as(path).contains("\"" + path + "\"");
        }
        assertThat(doc).contains("a past year", "backdated, open", "the national estimate", "the defaults");
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    private UUID register(String name) {
        UUID id = People.asSystem(DEMO_RECOVERY, () -> {
            var form = new no.tilfrisk.person.PersonForm();
            form.setDisplayName(name + " " + UUID.randomUUID().toString().substring(0, 6));
            form.setRole(no.tilfrisk.person.PersonRole.GUEST);
            form.setDepartmentId(department);
            form.setConfirmDuplicate(true);
            return ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        });
        made.add(id);
        return id;
    }

    private long audit(UUID person, String what) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM audit_event WHERE person_id = ? AND what = ?").params(person, what)
                .query(Long.class).single()));
    }

    private ResultActions admin(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        return call(request, body, language, "demo-admin");
    }

    /** As the admin: the fixture's department is this class's own, which only the admin reaches. */
    private ResultActions send(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        return call(request, body, language, "demo-admin");
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String body, String language, String token)
            throws Exception {
        request.header("Authorization", bearer(token)).header("Accept-Language", language);
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}

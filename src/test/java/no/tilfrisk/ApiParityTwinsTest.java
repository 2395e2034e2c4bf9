package no.tilfrisk;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.directory.Referral;
import no.tilfrisk.directory.Referrals;
import no.tilfrisk.organisation.OrganisationSettings;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The smaller page forms' twins in {@code /api/v1} (issue 20, item 1): activity kinds, unarchiving, the undo of a
 * follow-up done, the organisation's settings, a Min side invitation, the audit trail's check and checkpoint,
 * referrals and a partner turned off. Each does what its page does, and bad input names its field in the caller's
 * language with nothing saved. Fixture persons are deactivated and the settings put back at the end.
 */
@TilfriskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiParityTwinsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    PersonDirectory persons;
    @Autowired
    ActivityFixtures activityFixtures;
    @Autowired
    Activities activities;
    @Autowired
    Organisations organisations;
    @Autowired
    Referrals referrals;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    final List<UUID> made = new ArrayList<>();

    @AfterAll
    void deactivateTheFixturePersons() {
        People.asSystem(DEMO_RECOVERY, () -> {
            for (UUID id : made) {
                persons.deactivate(id, "Testdata");
            }
            return null;
        });
    }

    @Test
    void anActivityKindNeedsANameAndTheSameNameIsTheSameKind() throws Exception {
        api(post("/api/v1/activity-kinds"), "{\"name\": \"  \"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Skriv et navn på høyst 100 tegn."));
        api(post("/api/v1/activity-kinds"), "{\"name\": [\"Matrisetype\"]}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        // the name the kinds page of the access matrix adds: no new kind for the demo organisation's lists
        String first = api(post("/api/v1/activity-kinds"), "{\"name\": \"Matrisetype\"}", "nb")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Matrisetype"))
                .andReturn().getResponse().getContentAsString();
        api(post("/api/v1/activity-kinds"), "{\"name\": \" Matrisetype \"}", "nb")
                .andExpect(status().isCreated()).andExpect(content().json(first));
    }

    @Test
    void anActivityUnarchivedOnThePageIsAsThroughTheApi() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Activity a = activityFixtures.activity(DEMO_RECOVERY, "Skien", "Tvilling " + UUID.randomUUID(), false,
                today.minusDays(30), today.minusDays(1), List.of());
        Activity b = activityFixtures.activity(DEMO_RECOVERY, "Skien", "Tvilling " + UUID.randomUUID(), false,
                today.minusDays(30), today.minusDays(1), List.of());
        for (Activity x : List.of(a, b)) {
            api(delete("/api/v1/activities/" + x.id()), "", "nb").andExpect(status().isNoContent());
            assertThat(archived(x)).isTrue();
        }
        page("/activities/" + a.id() + "/unarchive", "");
        api(post("/api/v1/activities/" + b.id() + "/unarchive"), "", "nb")
                .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(false));
        assertThat(archived(a)).isFalse();
        assertThat(archived(b)).isFalse();
        // the fixtures leave the lists again
        for (Activity x : List.of(a, b)) {
            People.asSystem(DEMO_RECOVERY, () -> {
                activities.archive(x.id());
                return null;
            });
        }
        api(post("/api/v1/activities/" + UUID.randomUUID() + "/unarchive"), "", "nb").andExpect(status().isNotFound());
    }

    @Test
    void aFollowUpDoneIsUndoneThroughTheApiWithinTheMinuteAndOnlyOnce() throws Exception {
        UUID person = person();
        LocalDate soon = LocalDate.now(clock).plusDays(3);
        UUID contact = UUID.randomUUID();
        api(post("/api/v1/contacts").header("Idempotency-Key", contact.toString()), "{\"personId\": \"" + person
                + "\", \"date\": \"" + LocalDate.now(clock) + "\", \"time\": \"10:00\", \"type\": \"HOME_VISIT\", "
                + "\"followUpOn\": \"" + soon + "\"}", "nb").andExpect(status().isCreated());
        api(post("/api/v1/contacts/" + contact + "/follow-up-done"), "", "nb").andExpect(status().isNoContent());
        assertThat(followUpDone(contact)).isTrue();
        api(post("/api/v1/contacts/" + contact + "/follow-up-undo"), "", "nb").andExpect(status().isNoContent());
        assertThat(followUpDone(contact)).isFalse();
        // nothing to undo now: refused by the field, in the caller's language
        api(post("/api/v1/contacts/" + contact + "/follow-up-undo"), "", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("followUpOn"))
                .andExpect(jsonPath("$.errors[0].message").value("It is too late to undo. «Done» can be undone for one minute."));
        api(post("/api/v1/contacts/" + contact + "/follow-up-done"), "", "nb").andExpect(status().isNoContent());
    }

    @Test
    void theSettingsChangedOnThePageAreAsThroughTheApiAndABadValueNamesItsField() throws Exception {
        OrganisationSettings was = People.asSystem(DEMO_RECOVERY, () -> organisations.settingsToChange());
        try {
            page("/admin/settings", "nationalIdEnabled=" + !was.nationalIdEnabled() + "&requireSecondFactor="
                    + was.isRequireSecondFactor() + "&retentionMonths=37");
            String byPage = settings();
            restore(was);
            api(put("/api/v1/organisation/settings"), "{\"nationalIdEnabled\": " + !was.nationalIdEnabled()
                    + ", \"requireSecondFactor\": " + was.isRequireSecondFactor() + ", \"retentionMonths\": 37}", "nb")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.retentionMonths").value(37));
            assertThat(settings()).isEqualTo(byPage).startsWith(!was.nationalIdEnabled() + " 37");
            restore(was);

            api(put("/api/v1/organisation/settings"), "{\"nationalIdEnabled\": false, \"requireSecondFactor\": "
                    + was.isRequireSecondFactor() + ", \"retentionMonths\": 0}", "nb")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("retentionMonths"))
                    .andExpect(jsonPath("$.errors[0].message").value("Skriv et antall måneder mellom 1 og 240."));
            api(put("/api/v1/organisation/settings"), "{\"retentionMonths\": \"mange\"}", "en")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("retentionMonths"));
            api(put("/api/v1/organisation/settings"), "{\"nationalIdEnabled\": false}", "nb")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("retentionMonths"));
            assertThat(settings()).isEqualTo(was.nationalIdEnabled() + " " + was.retentionMonths() + " "
                    + was.isRequireSecondFactor());
            api(get("/api/v1/organisation/settings"), "", "nb").andExpect(status().isOk())
                    .andExpect(jsonPath("$.retentionMonths").value(was.retentionMonths()));
        } finally {
            restore(was);
        }
    }

    @Test
    void anInvitationWithoutAnAddressNamesTheFieldAndSendsNothing() throws Exception {
        UUID person = person();
        api(post("/api/v1/persons/" + person + "/invitation"), "{}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("Skriv inn e-postadressen."));
        // no consent to e-mail: the service's rule, as on the page
        api(post("/api/v1/persons/" + person + "/invitation"), "{\"email\": \"tvilling@example.no\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        Integer invitations = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM portal_invitation WHERE person_id = ?").param(person).query(Integer.class).single()));
        assertThat(invitations).isZero();
    }

    @Test
    void theAuditTrailIsCheckedAndACheckpointWrittenThroughTheApi() throws Exception {
        api(post("/api/v1/audit/checkpoint"), "", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seq").isNumber())
                .andExpect(jsonPath("$.signature").isString());
        api(post("/api/v1/audit/verify"), "", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist())
                .andExpect(jsonPath("$.checkpoint").value("HELD"))
                .andExpect(jsonPath("$.rowsChecked").isNumber());
        api(post("/api/v1/audit/verify"), "", "nb", "demo-koordinator")
                .andExpect(status().isForbidden());
    }

    @Test
    void aReferralMadeOnThePageIsAsThroughTheApiAndBadInputNamesItsField() throws Exception {
        UUID a = person();
        UUID b = person();
        UUID offer = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                SELECT id FROM offer WHERE organisation_id = ? AND published ORDER BY name LIMIT 1""")
                .param(DEMO_RECOVERY).query(UUID.class).single()));
        LocalDate on = LocalDate.now(clock).minusDays(2);
        page("/persons/" + a + "/referrals", "formId=" + UUID.randomUUID() + "&offerId=" + offer + "&referredOn=" + on
                + "&reason=Gjeld&consentToShare=true");
        api(post("/api/v1/persons/" + b + "/referrals").header("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"offerId\": \"" + offer + "\", \"referredOn\": \"" + on + "\", \"reason\": \"Gjeld\", "
                        + "\"consentToShare\": true}", "nb")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.offerId").value(offer.toString()));
        assertThat(referral(a)).isEqualTo(referral(b)).contains("Gjeld");

        page("/persons/" + a + "/referrals/" + only(a).id() + "/outcome", "outcome=STARTED");
        api(post("/api/v1/persons/" + b + "/referrals/" + only(b).id() + "/outcome"), "{\"outcome\": \"STARTED\"}", "nb")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("STARTED"));
        assertThat(referral(a)).isEqualTo(referral(b)).contains("STARTED");

        api(post("/api/v1/persons/" + b + "/referrals"), "{\"reason\": \"Uten tilbud\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offerId"))
                .andExpect(jsonPath("$.errors[0].message").value("Må fylles ut."));
        api(post("/api/v1/persons/" + b + "/referrals/" + only(b).id() + "/outcome"), "{\"outcome\": \"KANSKJE\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> referrals.forPerson(b))).hasSize(1);
    }

    @Test
    void aPartnerTurnedOffNeedsAYesOrNo() throws Exception {
        api(put("/api/v1/partners/" + UUID.randomUUID() + "/active"), "{\"active\": \"kanskje\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("active"));
        api(put("/api/v1/partners/" + UUID.randomUUID() + "/active"), "{\"active\": false}", "nb")
                .andExpect(status().isNotFound());
    }

    @Test
    void theNewTwinsAreInTheApiDocumentWithExampleBodies() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        for (String path : List.of("/api/v1/persons/{personId}/mappings", "/api/v1/persons/{personId}/plan/goals",
                "/api/v1/persons/{personId}/plan/goals/{goalId}", "/api/v1/persons/{personId}/plan/goals/{goalId}/actions",
                "/api/v1/persons/{personId}/plan/actions/{actionId}", "/api/v1/persons/{personId}/plan/actions/{actionId}/done",
                "/api/v1/persons/{personId}/plan/actions/{actionId}/undo-done",
                "/api/v1/persons/{personId}/plan/goals/{goalId}/evaluations",
                "/api/v1/persons/{personId}/plan/proposals/{proposalId}", "/api/v1/persons/{personId}/referrals",
                "/api/v1/persons/{personId}/referrals/{referralId}/outcome", "/api/v1/activity-kinds",
                "/api/v1/activities/{id}/unarchive", "/api/v1/contacts/{id}/follow-up-undo",
                "/api/v1/organisation/settings", "/api/v1/persons/{personId}/invitation", "/api/v1/audit/verify",
                "/api/v1/audit/checkpoint", "/api/v1/partners/{id}/active")) {
            assertThat(doc).as(path).contains("\"" + path + "\"");
        }
        assertThat(doc).contains("a first mapping", "a main goal", "a sub-goal", "the participant's", "a staff member's",
                "back to in progress", "an evaluation", "Vi snakker om det på neste samtale", "a referral", "three years",
                "an invitation", "Matlaging");
    }

    // ---- helpers ----

    private UUID person() {
        UUID id = people.register(DEMO_RECOVERY, "Skien", "Tvilling " + UUID.randomUUID().toString().substring(0, 6));
        made.add(id);
        return id;
    }

    private boolean archived(Activity a) {
        return People.asSystem(DEMO_RECOVERY, () -> activities.get(a.id())).archived();
    }

    private boolean followUpDone(UUID contact) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT follow_up_done_at IS NOT NULL FROM contact WHERE id = ?").param(contact).query(Boolean.class).single()));
    }

    private String settings() {
        OrganisationSettings s = People.asSystem(DEMO_RECOVERY, () -> organisations.settingsToChange());
        return s.nationalIdEnabled() + " " + s.retentionMonths() + " " + s.isRequireSecondFactor();
    }

    private void restore(OrganisationSettings was) {
        People.asSystem(DEMO_RECOVERY, () -> {
            organisations.changeSettings(was);
            return null;
        });
    }

    private Referral only(UUID person) {
        List<Referral> list = People.asSystem(DEMO_RECOVERY, () -> referrals.forPerson(person));
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private String referral(UUID person) {
        Referral r = only(person);
        return r.offerId() + " " + r.referredOn() + " " + r.reason() + " " + r.consentToShare() + " " + r.outcome() + " "
                + r.outcomeOn();
    }

    private void page(String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf());
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                request.param(kv[0], kv[1]);
            }
        }
        var r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " on the page").isEqualTo(302);
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        return api(request, body, language, "demo-admin");
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String body, String language, String token)
            throws Exception {
        request.header("Accept-Language", language).header("Authorization", bearer(token));
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}

package no.tilfrisk.transition;

import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The transition settings and the alert e-mail choice through the API (issue 20, item 1): each page form and its twin,
 * sent by the demo admin, do the same; a retried request adds nothing twice; bad bodies name their field in the
 * caller's language. What the test adds it takes off the list again, and the admin's e-mail choice is put back.
 */
@TilfriskTest
class TransitionSettingsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    TransitionSettings settings;
    @Autowired
    TransitionAlerts alerts;

    @Test
    void theOrganisationsOwnChecklistItemsAreTheSameThroughThePageAndTheApi() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID byPage = UUID.randomUUID();
        UUID byApi = UUID.randomUUID();
        try {
            page("/admin/transitions/extras", "formId", byPage.toString(), "label", "Paritet side " + tag);
            MockHttpServletResponse made = api(post("/api/v1/transitions/settings/extras").header("Idempotency-Key", byApi),
                    "{\"label\": \"Paritet API " + tag + "\"}");
            assertThat(made.getStatus()).isEqualTo(201);
            assertThat(made.getContentAsString()).contains(byApi.toString());
            // a retry adds nothing
            assertThat(api(post("/api/v1/transitions/settings/extras").header("Idempotency-Key", byApi),
                    "{\"label\": \"Paritet API " + tag + "\"}").getStatus()).isEqualTo(201);
            assertThat(admin(() -> settings.extras()).stream().filter(e -> e.label().endsWith(tag)).toList())
                    .extracting(ChecklistExtra::active).containsExactly(true, true);
            // a label in use is refused, naming the field
            assertThat(problem(post("/api/v1/transitions/settings/extras"), "{\"label\": \"Paritet side " + tag + "\"}", "en"))
                    .contains("\"field\":\"label\"");

            page("/admin/transitions/extras/" + byPage + "/retire");
            assertThat(api(post("/api/v1/transitions/settings/extras/" + byApi + "/retire"), null).getStatus()).isEqualTo(204);
            assertThat(admin(() -> settings.extras()).stream().filter(e -> e.label().endsWith(tag)).toList())
                    .extracting(ChecklistExtra::active).containsExactly(false, false);

            // a label missing, or one in use: the field named, in the caller's language
            String nb = problem(post("/api/v1/transitions/settings/extras"), "{\"label\": \" \"}", "nb");
            String en = problem(post("/api/v1/transitions/settings/extras"), "{\"label\": \" \"}", "en");
            assertThat(nb).contains("\"field\":\"label\"").isNotEqualTo(en);
            assertThat(en).contains("\"field\":\"label\"").doesNotContain("transition.extra");
        } finally {
            admin(() -> {
                settings.extras().stream().filter(e -> e.label().endsWith(tag) && e.active())
                        .forEach(e -> settings.retireExtra(e.id()));
                return null;
            });
        }
    }

    @Test
    void theInstitutionsAreTheSameThroughThePageAndTheApi() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID byPage = UUID.randomUUID();
        UUID byApi = UUID.randomUUID();
        try {
            page("/admin/transitions/institutions", "formId", byPage.toString(), "name", "Paritet side " + tag,
                    "type", "fengsel");
            assertThat(api(post("/api/v1/transitions/settings/institutions").header("Idempotency-Key", byApi),
                    "{\"name\": \"Paritet API " + tag + "\", \"type\": \"fengsel\"}").getStatus()).isEqualTo(201);
            assertThat(api(get("/api/v1/transitions/settings/institutions"), null).getContentAsString(StandardCharsets.UTF_8))
                    .contains("Paritet side " + tag, "Paritet API " + tag);
            page("/admin/transitions/institutions/" + byPage + "/active", "active", "false");
            assertThat(api(put("/api/v1/transitions/settings/institutions/" + byApi + "/active"), "{\"active\": false}")
                    .getStatus()).isEqualTo(204);
            assertThat(admin(() -> settings.institutions()).stream().filter(i -> i.name().endsWith(tag)).toList())
                    .hasSize(2).allSatisfy(i -> {
                        assertThat(i.active()).isFalse();
                        assertThat(i.type()).isEqualTo("fengsel");
                    });
            // no choice, or a name taken: the field named; another organisation's institution is not found
            assertThat(problem(put("/api/v1/transitions/settings/institutions/" + byApi + "/active"), "{}", "nb"))
                    .contains("\"field\":\"active\"");
            assertThat(problem(post("/api/v1/transitions/settings/institutions"), "{\"name\": \"Paritet API " + tag + "\"}", "en"))
                    .contains("\"field\":\"name\"");
            assertThat(api(put("/api/v1/transitions/settings/institutions/" + UUID.randomUUID() + "/active"),
                    "{\"active\": true}").getStatus()).isEqualTo(404);
        } finally {
            admin(() -> {
                settings.institutions().stream().filter(i -> i.name().endsWith(tag) && i.active())
                        .forEach(i -> settings.setInstitutionActive(i.id(), false));
                return null;
            });
        }
    }

    @Test
    void theAlertEmailChoiceIsTheSameThroughThePageAndTheApi() throws Exception {
        boolean before = admin(() -> alerts.emailChosen());
        try {
            page("/transitions/email-choice", "email", String.valueOf(!before));
            boolean byPage = admin(() -> alerts.emailChosen());
            admin(() -> {
                alerts.chooseEmail(before);
                return null;
            });
            MockHttpServletResponse r = api(put("/api/v1/transitions/email-choice"), "{\"email\": " + !before + "}");
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getContentAsString()).contains("\"email\":" + !before);
            assertThat(admin(() -> alerts.emailChosen())).isEqualTo(byPage).isEqualTo(!before);
            assertThat(api(get("/api/v1/transitions/email-choice"), null).getContentAsString()).contains("\"email\":" + !before);
            assertThat(problem(put("/api/v1/transitions/email-choice"), "{\"email\": \"ja\"}", "en"))
                    .contains("\"field\":\"email\"");
        } finally {
            admin(() -> {
                alerts.chooseEmail(before);
                return null;
            });
        }
        // an alert that is not the caller's is not found
        assertThat(api(post("/api/v1/transitions/alerts/" + UUID.randomUUID() + "/done"), null).getStatus()).isEqualTo(404);
    }

    // ---- the harness ----

    private UserDetails adminUser() {
        return accounts.loadUserByUsername(Demo.ADMIN);
    }

    private <T> T admin(java.util.function.Supplier<T> work) {
        return People.as(adminUser(), work);
    }

    private void page(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(user(adminUser())).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " on the page").isEqualTo(302);
        assertThat(r.getRedirectedUrl()).as(path).doesNotContain("/login");
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header("Authorization", bearer("demo-admin"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String problem(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        MockHttpServletResponse r = api(request.header("Accept-Language", language), body);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}

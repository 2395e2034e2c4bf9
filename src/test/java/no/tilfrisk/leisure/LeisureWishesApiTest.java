package no.tilfrisk.leisure;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A process's wishes through the page and its API twin (issue 20, item 1): the same words on two fresh processes; too
 * long a text names «wishes» in the caller's language and changes nothing. The processes are ended afterwards.
 */
@no.tilfrisk.TilfriskTest
class LeisureWishesApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    LeisureFixtures fixtures;
    @Autowired
    Inclusions inclusions;
    @Autowired
    no.tilfrisk.People people;

    @Test
    void theWishesAreTheSameThroughThePageAndTheApi() throws Exception {
        UUID a = fixtures.process(DEMO_RECOVERY, people.register(DEMO_RECOVERY, "Skien", "Ønske " + UUID.randomUUID()), 10);
        UUID b = fixtures.process(DEMO_RECOVERY, people.register(DEMO_RECOVERY, "Skien", "Ønske " + UUID.randomUUID()), 10);
        try {
            MockHttpServletResponse page = mvc.perform(post("/leisure/processes/" + a + "/wishes")
                    .with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf()).param("wishes", "Klatring og kor"))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(302);
            assertThat(api(b, "{\"wishes\": \"Klatring og kor\"}", "nb").getStatus()).isEqualTo(204);
            assertThat(wishes(b)).isEqualTo(wishes(a)).isEqualTo("Klatring og kor");

            String tooLong = "{\"wishes\": \"" + "x".repeat(1001) + "\"}";
            MockHttpServletResponse nb = api(b, tooLong, "nb");
            MockHttpServletResponse en = api(b, tooLong, "en");
            assertThat(nb.getStatus()).isEqualTo(400);
            assertThat(nb.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"wishes\"")
                    .isNotEqualTo(en.getContentAsString(StandardCharsets.UTF_8));
            assertThat(wishes(b)).isEqualTo("Klatring og kor");
            // blank clears them, as on the page
            assertThat(api(b, "{\"wishes\": \" \"}", "nb").getStatus()).isEqualTo(204);
            assertThat(wishes(b)).isNull();
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                for (UUID p : new UUID[] {a, b}) {
                    EndForm end = new EndForm();
                    end.setOutcome(Outcome.STOPPED);
                    end.setEndedOn(fixtures.today());
                    end.setNote("Testdata");
                    inclusions.end(p, end);
                }
                return null;
            });
        }
    }

    private String wishes(UUID process) {
        return People.asSystem(DEMO_RECOVERY, () -> inclusions.view(process).process().wishes());
    }

    private MockHttpServletResponse api(UUID process, String body, String language) throws Exception {
        return mvc.perform(put("/api/v1/leisure/processes/" + process + "/wishes")
                .header("Authorization", bearer("demo-admin")).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }
}

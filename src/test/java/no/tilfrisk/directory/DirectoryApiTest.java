package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public read API without a token (filters, bad input as problem+json in the caller's language, the exports),
 * its rate limit per address, and the keepers' write API with a token: creating, a closing before the opening,
 * a bad phone and URL, unknown tags.
 */
@TilfriskTest
class DirectoryApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Offers offers;

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    static String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePublicApiAnswersWithoutATokenAndExplainsBadInput() throws Exception {
        DirectoryFixtures f = DirectoryFixtures.create(offers);
        String address = "10.0.0." + (1 + (int) (Math.random() * 200));
        assertThat(body(mvc.perform(get("/api/v1/public/offers").param("q", f.word()).param("need", "shelter").with(from(address)))
                .andExpect(status().isOk()))).contains("Nattåpent " + f.word()).doesNotContain("Dagsenter");
        assertThat(body(mvc.perform(get("/api/v1/public/offers").param("need", "unicorns").with(from(address)))
                .andExpect(status().isBadRequest()))).contains("Ukjent merkelapp «unicorns»");
        assertThat(body(mvc.perform(get("/api/v1/public/offers").param("q", "x".repeat(10_000)).with(from(address))
                .header("Accept-Language", "en")).andExpect(status().isBadRequest()))).contains("The search is too long");
        assertThat(body(mvc.perform(get("/api/v1/public/offers").param("open", "someday").with(from(address)))
                .andExpect(status().isBadRequest()))).contains("open");
        assertThat(body(mvc.perform(get("/api/v1/public/offers/" + f.dayCentre()).with(from(address))).andExpect(status().isOk())))
                .contains("\"pastMidnight\":false").contains("julaften");
        assertThat(body(mvc.perform(get("/api/v1/public/offers/export.csv").with(from(address))).andExpect(status().isOk())))
                .startsWith("id;name;").contains("Dagsenter " + f.word()).contains("FRIDAY 20:00-02:00+")
                .contains("Prinsen mottakssenter");
        assertThat(body(mvc.perform(get("/api/v1/public/offers/export.hsds.json").with(from(address))).andExpect(status().isOk())))
                .contains("\"byday\":\"TU\"").contains("\"taxonomy\":\"tilfrisk:need\"");
    }

    @Test
    void thePublicApiIsRateLimitedPerAddress() throws Exception {
        String address = "10.1.0." + (1 + (int) (Math.random() * 200));
        int ok = 0;
        int limited = 0;
        String retryAfter = null;
        long started = System.nanoTime();
        for (int i = 0; i < 160; i++) {
            var response = mvc.perform(get("/api/v1/public/offers").param("size", "1").with(from(address))).andReturn().getResponse();
            if (response.getStatus() == 200) {
                ok++;
            } else if (response.getStatus() == 429) {
                limited++;
                retryAfter = response.getHeader("Retry-After");
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("For mange forespørsler");
            }
        }
        // 120 at once, and the bucket refills greedily (two a second) while the loop runs
        long refilled = 1 + 2 * (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(ok).isBetween(120, 120 + (int) refilled);
        assertThat(limited).isEqualTo(160 - ok).isPositive();
        assertThat(retryAfter).isNotBlank();
        // another address has its own bucket; the pages are not limited
        mvc.perform(get("/api/v1/public/offers").param("size", "1").with(from(address + "1"))).andExpect(status().isOk());
        mvc.perform(get("/tilbud").with(from(address))).andExpect(status().isOk());
    }

    @Test
    void theWriteApiTakesAKeepersTokenAndExplainsBadInput() throws Exception {
        String admin = Demo.bearer(Demo.TOKENS.get(Demo.ADMIN));
        String name = "API-tilbud " + UUID.randomUUID();
        UUID key = UUID.randomUUID();
        String json = """
                {"name": "%s", "operatorKind": "VOLUNTARY", "needs": ["food"], "lowThreshold": true, "free": true,
                 "hoursKnown": true, "hours": [{"weekday": "FRIDAY", "opens": "20:00", "closes": "02:00", "pastMidnight": true}]}"""
                .formatted(name);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/offers").header("Authorization", admin).header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
        }
        assertThat(offers.search(new OfferSearch(name, java.util.Set.of(), java.util.Set.of(), false, false, null, null,
                null, 0, 20)).total()).as("a retried create makes one").isOne();
        String bad = body(mvc.perform(post("/api/v1/offers").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Feil", "operatorKind": "VOLUNTARY", "needs": ["unicorns"], "phone": "ring meg",
                         "web": "javascript:alert(1)", "hours": [{"weekday": "FRIDAY", "opens": "20:00", "closes": "02:00"}]}"""))
                .andExpect(status().isBadRequest()));
        assertThat(bad).contains("Ukjent merkelapp «unicorns»").contains("Ikke et telefonnummer")
                .contains("Ikke en nettadresse").contains("Stenger før det åpner");
        // a staff member keeps no offers
        mvc.perform(put("/api/v1/offers/" + UUID.randomUUID()).header("Authorization", Demo.bearer(Demo.TOKENS.get(Demo.STAFF)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"operatorKind\": \"VOLUNTARY\"}"))
                .andExpect(status().isForbidden());
    }
}

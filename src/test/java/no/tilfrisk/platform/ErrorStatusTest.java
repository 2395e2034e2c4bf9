package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every error status a page can answer, in both languages, through the real server and its error page (MockMvc
 * does not render {@code /error}): each answers its own status, never a 500, with the error page in the asked
 * language, whose «English»/«Norsk» switch leads back to the path that failed (issue 15, item 9). Runs in the
 * browser tests' Spring context (the same annotations), so it starts no context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tilfrisk.data-dir=target/test-data",
        "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true",
        "tilfrisk.scheduling.enabled=false"
})
@Import({TestAccounts.class, People.class})
class ErrorStatusTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** The cases: method, path, who asks (null: nobody), the status, and the title of the page in nb and en. */
    record Case(String method, String path, String account, int status, String nb, String en) {
    }

    static final List<Case> CASES = List.of(
            new Case("GET", "/finnes-ikke", Demo.STAFF, 404, "Fant ikke siden", "Page not found"),
            new Case("GET", "/persons/" + UUID.randomUUID(), Demo.STAFF, 404, "Fant ikke siden", "Page not found"),
            new Case("GET", "/persons/ikke-en-id", Demo.STAFF, 400, "Noe var feil i forespørselen",
                    "Something was wrong with the request"),
            new Case("GET", "/activities?from=i-morgen", Demo.STAFF, 400, "Noe var feil i forespørselen",
                    "Something was wrong with the request"),
            new Case("GET", "/admin/users", "frivillig@demo.tilfrisk.no", 403, "Ingen tilgang", "No access"),
            new Case("GET", "/min-side", Demo.STAFF, 403, "Ingen tilgang", "No access"),
            new Case("POST", "/admin/departments", Demo.ADMIN, 403, "Ingen tilgang", "No access"), // no CSRF token
            new Case("GET", "/persons/" + UUID.randomUUID() + "/erase", Demo.ADMIN, 405,
                    "Noe var feil i forespørselen", "Something was wrong with the request"),
            // /error itself, asked for directly, has nothing to show
            new Case("GET", "/error", Demo.STAFF, 404, "Fant ikke siden", "Page not found"));

    @ParameterizedTest
    @ValueSource(strings = {"nb", "en"})
    void everyErrorStatusAnswersItselfInTheUsersLanguage(String language) throws Exception {
        for (Case c : CASES) {
            HttpClient client = client(language);
            if (c.account() != null) {
                signIn(client, c.account());
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(c.path())))
                    .method(c.method(), HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            String where = c.method() + " " + c.path() + " as " + c.account() + " in " + language;
            assertThat(response.statusCode()).as(where).isEqualTo(c.status());
            String body = response.body();
            assertThat(body).as(where).contains("<html lang=\"" + language + "\"")
                    .contains("<h1>" + ("en".equals(language) ? c.en() : c.nb()) + "</h1>");
            // the language switch asks for the failed path itself, never /error (unless that was the path)
            if (!c.path().startsWith("/error")) {
                assertThat(body).as(where).doesNotContain("href=\"/error?lang");
            }
        }
    }

    private HttpClient client(String language) {
        CookieManager cookies = new CookieManager();
        HttpCookie lang = new HttpCookie("tilfrisk-lang", language);
        lang.setPath("/");
        lang.setVersion(0);
        cookies.getCookieStore().add(URI.create(url("/")), lang);
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private void signIn(HttpClient client, String account) throws IOException, InterruptedException {
        String login = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(login);
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        String form = "email=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&password=" + Demo.PASSWORD
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in as " + account)
                .doesNotContain("error");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

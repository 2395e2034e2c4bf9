package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Issue 21, item 7, through the real server (MockMvc has no Tomcat and no error dispatch): a wildcard content type
 * is a 415 without a logged stack trace, and every error of an {@code /api/} address is problem+json, including
 * the server's error dispatch and Tomcat's own refusals of a request it can still read the address of. Raw
 * requests, since a proper client would not send them. Runs in {@link ErrorStatusTest}'s Spring context (the same
 * annotations), so it starts no context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tilfrisk.data-dir=target/test-data",
        "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true",
        "tilfrisk.scheduling.enabled=false"
})
@Import({TestAccounts.class, People.class})
@ExtendWith(OutputCaptureExtension.class)
class ServerRefusalsTest {

    private static final String HEAD = "Host: localhost\r\nConnection: close\r\n";

    @LocalServerPort
    int port;

    @Test
    void aWildcardContentTypeIs415WithAProblemAndNoStackTrace(CapturedOutput output) throws IOException {
        for (String method : new String[]{"POST /api/v1/persons", "PUT /api/v1/departments/00000000-0000-4000-8000-000000000001"}) {
            String answer = raw(method + " HTTP/1.1\r\n" + HEAD + "Authorization: Bearer demo-admin\r\n"
                    + "Content-Type: */*\r\nContent-Length: 2\r\n\r\n{}");
            assertProblem(answer, 415);
        }
        String page = raw("POST /persons HTTP/1.1\r\n" + HEAD + "Accept: text/html\r\nContent-Type: */*\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        assertThat(status(page)).isEqualTo(415);
        assertThat(output.getAll()).doesNotContain("cannot contain wildcard").doesNotContain("Unexpected error");
    }

    @Test
    void errorsOutsideAnyControllerAreProblemsOnTheApi() throws IOException {
        assertProblem(raw("GET /api/v1/finnes-ikke HTTP/1.1\r\n" + HEAD + "Authorization: Bearer demo-admin\r\n\r\n"), 404);
        assertProblem(raw("DELETE /api/v1/me HTTP/1.1\r\n" + HEAD + "Authorization: Bearer demo-admin\r\n\r\n"), 405);
        assertProblem(raw("GET /api/v1/reports/funder/ikke-en-id HTTP/1.1\r\n" + HEAD
                + "Authorization: Bearer demo-admin\r\n\r\n"), 404);
    }

    @Test
    void tomcatsOwnRefusalsOfAnApiAddressAreProblemsInTheAskedLanguage() throws IOException {
        String badEscape = raw("GET /api/v1/%zz HTTP/1.1\r\n" + HEAD + "Accept-Language: en\r\n\r\n");
        assertProblem(badEscape, 400);
        assertThat(badEscape).contains("\"title\":\"Bad request\"");
        assertProblem(raw("GET /api/v1/me HTTP/1.1\r\n" + HEAD + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 400);
        // a page address gets Tilfrisk's own short page, not Tomcat's, without a stack trace or the server's version
        String page = raw("GET /persons/%zz HTTP/1.1\r\n" + HEAD + "\r\n");
        assertThat(status(page)).isEqualTo(400);
        assertOwnPage(page, "Noe var feil i forespørselen");
    }

    @Test
    void aRequestLineTomcatCannotParseGetsTilfrisksOwnPageNotTomcats() throws IOException {
        assertOwnPage(raw("GET /persons/a b c HTTP/1.1\r\n" + HEAD + "\r\n"), "Noe var feil i forespørselen");
        assertOwnPage(raw("GET /{} HTTP/1.1\r\n" + HEAD + "\r\n"), "Noe var feil i forespørselen");
        String garbage = raw("\u00e6\u00f8\u00e5 !\r\n\r\n");
        assertThat(status(garbage)).isEqualTo(400);
        assertThat(garbage).doesNotContain("HTTP Status 400").doesNotContain("Apache Tomcat").doesNotContain("Exception");
    }

    private static void assertOwnPage(String answer, String title) {
        assertThat(status(answer)).as(answer).isEqualTo(400);
        assertThat(answer).as(answer).containsIgnoringCase("Content-Type: text/html;charset=UTF-8")
                .contains("<h1>" + title).contains("lang=\"nb\"")
                .doesNotContain("HTTP Status").doesNotContain("Apache Tomcat").doesNotContain("Exception");
    }

    private static void assertProblem(String answer, int status) {
        assertThat(status(answer)).as(answer).isEqualTo(status);
        assertThat(answer).as(answer).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":" + status);
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

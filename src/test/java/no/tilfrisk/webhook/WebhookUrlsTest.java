package no.tilfrisk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import no.tilfrisk.webhook.internal.Backoff;
import no.tilfrisk.webhook.internal.WebhookUrls;
import org.junit.jupiter.api.Test;

/** The address rules of a hook, and the pauses between attempts: pure, no Spring. */
class WebhookUrlsTest {

    private final WebhookUrls production = WebhookUrls.of(false, "https://tilfrisk.example.no", 8080);
    private final WebhookUrls tests = WebhookUrls.of(true, "", 8080);

    @Test
    void onlyHttpOrHttpsWithAHostOfItsOwn() {
        assertThat(production.refusal("https://partner.example/hooks/tilfrisk")).isEmpty();
        assertThat(production.refusal("http://10.1.2.3:9000/hook")).isEmpty();
        assertThat(production.refusal("ftp://partner.example/hook")).hasValue("webhook.url.scheme");
        assertThat(production.refusal("javascript:alert(1)")).hasValue("webhook.url.scheme");
        assertThat(production.refusal("partner.example/hook")).hasValue("webhook.url.scheme");
        assertThat(production.refusal("https://")).hasValue("webhook.url.invalid");
        assertThat(production.refusal("https://user:secret@partner.example/")).hasValue("webhook.url.invalid");
        assertThat(production.refusal("https://partner example/")).hasValue("webhook.url.invalid");
        assertThat(production.refusal("  ")).hasValue("webhook.url.required");
        assertThat(production.refusal(null)).hasValue("webhook.url.required");
    }

    @Test
    void neverTilfriskItselfNorThisMachineNorALinkLocalAddress() {
        assertThat(production.refusal("https://tilfrisk.example.no/api/v1/persons")).hasValue("webhook.url.self");
        assertThat(production.refusal("https://TILFRISK.example.no./x")).hasValue("webhook.url.self");
        assertThat(production.refusal("http://localhost:8080/x")).hasValue("webhook.url.self");
        assertThat(production.refusal("http://127.0.0.1:8080/x")).hasValue("webhook.url.self");
        assertThat(production.refusal("http://localhost:9999/x")).hasValue("webhook.url.local");
        assertThat(production.refusal("http://127.0.0.2/x")).hasValue("webhook.url.local");
        assertThat(production.refusal("http://[::1]:9999/x")).hasValue("webhook.url.local");
        assertThat(production.refusal("http://169.254.169.254/latest/meta-data")).hasValue("webhook.url.local");
        assertThat(production.refusal("http://0.0.0.0:9999/")).hasValue("webhook.url.local");
    }

    @Test
    void theTestContextAllowsThisMachineButStillNotTheAppsOwnPort() throws Exception {
        assertThat(tests.refusal("http://127.0.0.1:45678/hook")).isEmpty();
        assertThat(tests.refusal("http://localhost:8080/hook")).hasValue("webhook.url.self");
        assertThat(tests.refusal("http://169.254.169.254/")).hasValue("webhook.url.local");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(tests.mayDeliverTo(loopback, 45678)).isTrue();
        assertThat(tests.mayDeliverTo(loopback, 8080)).isFalse();
        assertThat(production.mayDeliverTo(loopback, 45678)).isFalse();
        assertThat(production.mayDeliverTo(InetAddress.getByName("169.254.169.254"), 80)).isFalse();
        assertThat(production.mayDeliverTo(InetAddress.getByName("93.184.216.34"), 443)).isTrue();
    }

    @Test
    void thePauseDoublesFromThirtySecondsUpToSixHoursAndTwelveAttemptsGiveUp() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(10)).isEqualTo(Duration.ofSeconds(30L * 512)); // 4 h 16 min
        assertThat(Backoff.after(11)).isEqualTo(Duration.ofHours(6));
        assertThat(Backoff.after(500)).isEqualTo(Duration.ofHours(6));
        assertThat(Backoff.givenUp(11)).isFalse();
        assertThat(Backoff.givenUp(12)).isTrue();
    }
}

package no.tilfrisk.webhook.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery: a POST of the body with its headers, no redirect followed (a redirect could lead to an address
 * the rules refuse), 5 seconds to connect and 10 for the answer. The address is resolved and checked against
 * {@link WebhookUrls} first. Never throws: the outcome is a status or a short error.
 */
@Component
public class WebhookSender {

    /** What came of an attempt: the answer's status, or null and why there was none. */
    public record Outcome(Integer status, String error, long millis) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final WebhookUrls urls;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    WebhookSender(WebhookUrls urls) {
        this.urls = urls;
    }

    public Outcome send(String url, String body, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            if (urls.refusal(url).isPresent()) {
                return new Outcome(null, "address refused", 0);
            }
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!urls.mayDeliverTo(address, port)) {
                    return new Outcome(null, "address refused: " + address.getHostAddress(), 0);
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tilfrisk-Webhook/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, millisSince(start));
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, shorten(e.getClass().getSimpleName() + ": " + e.getMessage()), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}

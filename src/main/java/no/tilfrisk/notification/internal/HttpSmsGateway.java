package no.tilfrisk.notification.internal;

import java.util.Map;
import no.tilfrisk.notification.SmsGateway;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * An SMS provider's HTTP interface: {@code POST} to the configured address with a bearer token and the JSON
 * {@code {"from": …, "to": …, "text": …}}, which most Norwegian providers (or a small adapter in front of one)
 * accept. Any answer other than 2xx, or no answer, is a refusal.
 */
public class HttpSmsGateway implements SmsGateway {

    private final RestClient client;
    private final String sender;

    public HttpSmsGateway(RestClient.Builder builder, String url, String token, String sender) {
        this.client = builder.baseUrl(url)
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
        this.sender = sender;
    }

    @Override
    public void send(String phone, String text) {
        try {
            client.post().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("from", sender, "to", phone, "text", text))
                    .retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new SmsException("The SMS provider refused: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delivers() {
        return true;
    }
}

package no.tilfrisk.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which addresses a hook may be sent to: http or https with a host, never Tilfrisk itself (its public address, or
 * its own port on this machine) and never this machine or a link-local address (a cloud's metadata service) unless
 * {@code tilfrisk.webhooks.allow-loopback} is on (the shared test context, whose partner system is a server in the
 * test). The address is checked as typed when the hook is registered, and as resolved before each delivery.
 */
@Component
public class WebhookUrls {

    private static final Pattern IP_V4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private final boolean allowLoopback;
    private final String publicHost;
    private volatile int appPort;

    WebhookUrls(@Value("${tilfrisk.webhooks.allow-loopback:false}") boolean allowLoopback,
                @Value("${tilfrisk.public-url:}") String publicUrl,
                @Value("${server.port:8080}") int port) {
        this.allowLoopback = allowLoopback;
        this.publicHost = hostOf(publicUrl);
        this.appPort = port;
    }

    /** The rules as they stand for a given public address and port, for tests of the rules themselves. */
    public static WebhookUrls of(boolean allowLoopback, String publicUrl, int port) {
        return new WebhookUrls(allowLoopback, publicUrl, port);
    }

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getWebServer().getPort() > 0) {
            appPort = event.getWebServer().getPort();
        }
    }

    /** Why this address cannot be a hook's, as a message key under {@code webhook.url.}, or empty if it can. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("webhook.url.required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("webhook.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("webhook.url.scheme");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            return Optional.of("webhook.url.invalid");
        }
        host = bare(host);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (host.equals(publicHost)) {
            return Optional.of("webhook.url.self");
        }
        Optional<InetAddress> literal = literal(host);
        boolean loopback = host.equals("localhost") || host.endsWith(".localhost")
                || literal.filter(InetAddress::isLoopbackAddress).isPresent();
        if (loopback && port == appPort) {
            return Optional.of("webhook.url.self");
        }
        if (loopback && !allowLoopback || literal.filter(a -> !loopbackOnly(a) && refused(a)).isPresent()) {
            return Optional.of("webhook.url.local");
        }
        return Optional.empty();
    }

    /** Whether a delivery may go to this resolved address (the name may have changed since it was checked). */
    public boolean mayDeliverTo(InetAddress address, int port) {
        if (address.isLoopbackAddress()) {
            return allowLoopback && port != appPort;
        }
        return !refused(address);
    }

    private static boolean loopbackOnly(InetAddress address) {
        return address.isLoopbackAddress();
    }

    private static boolean refused(InetAddress address) {
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress();
    }

    /** The address a host name is when it is written as one (no name is looked up here). */
    private static Optional<InetAddress> literal(String host) {
        if (!IP_V4.matcher(host).matches() && !host.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? "" : bare(host);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}

package no.tilfrisk.account.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.tilfrisk.account.Role;
import no.tilfrisk.platform.crypto.FieldEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client registrations of the organisations' OpenID Connect providers, made when asked for: the registration id
 * is the organisation's id; the provider's endpoints come from its discovery document, read with short time-outs
 * and kept for five minutes (forgotten at once when the admin saves new settings on this node). A provider that does
 * not answer, or answers with a document for another issuer, is {@link Lookup.Unavailable}, never an exception.
 */
@Component
class OidcClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(OidcClientRegistrations.class);
    private static final Duration KEPT = Duration.ofMinutes(5);

    /** A provider as sign-in needs it; the secret still encrypted. */
    record Provider(UUID organisationId, String issuer, String clientId, byte[] secretEncrypted, String displayName,
                    List<String> secondFactorValues, Set<Role> signInRoles) {
    }

    sealed interface Lookup {
        record NotConfigured() implements Lookup {
        }

        record Unavailable(Provider provider) implements Lookup {
        }

        record Found(Provider provider, ClientRegistration registration) implements Lookup {
        }
    }

    private record Kept(Lookup.Found found, Instant until) {
    }

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(OidcHttp.TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    OidcClientRegistrations(JdbcClient db, FieldEncryption crypto, JsonMapper json, Clock clock) {
        this.db = db;
        this.crypto = crypto;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return lookup(registrationId) instanceof Lookup.Found found ? found.registration() : null;
    }

    Lookup lookup(String registrationId) {
        UUID organisation;
        try {
            organisation = UUID.fromString(registrationId);
        } catch (IllegalArgumentException e) {
            return new Lookup.NotConfigured();
        }
        Kept k = kept.get(organisation);
        if (k != null && clock.instant().isBefore(k.until())) {
            return k.found();
        }
        Optional<Provider> provider = provider(organisation);
        if (provider.isEmpty()) {
            kept.remove(organisation);
            return new Lookup.NotConfigured();
        }
        Optional<Map<String, Object>> metadata = discover(provider.get().issuer());
        if (metadata.isEmpty()) {
            return new Lookup.Unavailable(provider.get());
        }
        Lookup.Found found = new Lookup.Found(provider.get(), registration(provider.get(), metadata.get()));
        kept.put(organisation, new Kept(found, clock.instant().plus(KEPT)));
        return found;
    }

    void forget(UUID organisation) {
        kept.remove(organisation);
    }

    private Optional<Provider> provider(UUID organisation) {
        return db.sql("SELECT * FROM oidc_provider_lookup(?)").param(organisation)
                .query((rs, n) -> new Provider(rs.getObject("organisation_id", UUID.class), rs.getString("issuer"),
                        rs.getString("client_id"), rs.getBytes("client_secret_encrypted"),
                        rs.getString("display_name"),
                        List.of((String[]) rs.getArray("second_factor_values").getArray()),
                        Role.fromColumn(rs, "sign_in_roles")))
                .optional();
    }

    private ClientRegistration registration(Provider p, Map<String, Object> metadata) {
        Object methods = metadata.get("token_endpoint_auth_methods_supported");
        boolean basic = !(methods instanceof List<?> list) || list.contains("client_secret_basic");
        return ClientRegistration.withRegistrationId(p.organisationId().toString())
                .clientName(p.displayName())
                .clientId(p.clientId())
                .clientSecret(crypto.decryptText(p.secretEncrypted(), OidcProviders.associatedData(p.organisationId())))
                .clientAuthenticationMethod(basic ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri((String) metadata.get("authorization_endpoint"))
                .tokenUri((String) metadata.get("token_endpoint"))
                .jwkSetUri((String) metadata.get("jwks_uri"))
                .userInfoUri((String) metadata.get("userinfo_endpoint"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(p.issuer())
                .providerConfigurationMetadata(metadata)
                .build();
    }

    /** The provider's discovery document, if it answers in time with one for this issuer. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> discover(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                    .timeout(OidcHttp.TIMEOUT).header("Accept", "application/json").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("OpenID provider {} answered {} for its discovery document", issuer, response.statusCode());
                return Optional.empty();
            }
            Map<String, Object> metadata = json.readValue(response.body(), Map.class);
            if (!issuer.equals(metadata.get("issuer")) || !(metadata.get("authorization_endpoint") instanceof String)
                    || !(metadata.get("token_endpoint") instanceof String) || !(metadata.get("jwks_uri") instanceof String)) {
                log.warn("OpenID provider {}: the discovery document is for another issuer or lacks an endpoint", issuer);
                return Optional.empty();
            }
            return Optional.of(metadata);
        } catch (IOException | RuntimeException e) {
            log.warn("OpenID provider {} did not answer: {}", issuer, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

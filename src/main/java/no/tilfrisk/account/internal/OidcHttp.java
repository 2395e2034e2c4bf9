package no.tilfrisk.account.internal;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Our own time limit on every call Tilfrisk makes to an OpenID Connect provider: its discovery document
 * ({@link OidcClientRegistrations}), the token exchange, its signing keys (JWKS) and its user info. Spring Security's
 * clients have none by default, so a provider that accepts the connection and never answers would hold the browser
 * (and a server thread) for as long as the operating system lets it; with these, it gets the page saying the provider
 * does not answer within a few seconds ({@link #unanswered}).
 */
@Configuration(proxyBeanMethods = false)
class OidcHttp {

    /** How long to wait for a connection, and then for an answer, from a provider. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static SimpleClientHttpRequestFactory requestFactory() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(TIMEOUT);
        factory.setReadTimeout(TIMEOUT);
        return factory;
    }

    /** The token exchange after the provider's redirect, as Spring Security's own client, with the time limit. */
    @Bean
    RestClientAuthorizationCodeTokenResponseClient oidcTokenClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(requestFactory())
                .configureMessageConverters(c -> c.addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /**
     * The id token's decoder per provider, as {@link OidcIdTokenDecoderFactory} makes it (RS256, the timestamps and
     * the OpenID checks of the token), but fetching the provider's keys with the time limit. One decoder (and its
     * cache of keys) per registration and key address; the sign-in's configurer finds this bean by its type.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> oidcIdTokenDecoderFactory() {
        Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
        RestTemplate rest = new RestTemplate(requestFactory());
        return registration -> decoders.computeIfAbsent(
                registration.getRegistrationId() + " " + registration.getProviderDetails().getJwkSetUri(), key -> {
                    NimbusJwtDecoder decoder = NimbusJwtDecoder
                            .withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                            .jwsAlgorithm(SignatureAlgorithm.RS256).restOperations(rest).build();
                    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                            new OidcIdTokenValidator(registration)));
                    decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
                    return decoder;
                });
    }

    /** The user info call, with the time limit. */
    static DefaultOAuth2UserService userInfoService() {
        RestTemplate rest = new RestTemplate(requestFactory());
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService service = new DefaultOAuth2UserService();
        service.setRestOperations(rest);
        return service;
    }

    /** Whether a failed sign-in failed because the provider did not answer in time (or at all). */
    static boolean unanswered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.ConnectException || t instanceof ResourceAccessException) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Couldn't retrieve remote JWK set")) {
                return true;
            }
        }
        return false;
    }
}

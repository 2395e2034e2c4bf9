package no.tilfrisk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.tilfrisk.account.TilfriskUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The parts of sign-in through an organisation's OpenID Connect provider that plug into Spring Security's
 * {@code oauth2Login}: the authorization request (a provider that does not answer leads to a page that says so, not
 * an error), the account signed in as the same {@link TilfriskUser} a password gives, and the logout that offers the
 * provider's own.
 */
final class OidcSignIn {

    /** The request attribute that tells {@code OidcController} which provider did not answer. */
    static final String UNAVAILABLE = OidcSignIn.class.getName() + ".unavailable";
    static final String AUTHORIZATION_PATH = "/oauth2/authorization";
    /** The 503 page for a provider that stopped answering during the sign-in (after its redirect back). */
    static final String UNANSWERED_PATH = "/login/oidc/unavailable";

    private OidcSignIn() {
    }

    /** Kept with the signed-in user: which provider, and the id token for its logout. */
    record Session(String registrationId, String idToken) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Asks the provider's registration first: when the provider does not answer, the request goes on to
     * {@code OidcController}, which shows a page saying so (the filter would answer 500).
     */
    static final class Resolver implements OAuth2AuthorizationRequestResolver {
        private final OidcClientRegistrations registrations;
        private final DefaultOAuth2AuthorizationRequestResolver delegate;

        Resolver(OidcClientRegistrations registrations, ClientRegistrationRepository repository) {
            this.registrations = registrations;
            this.delegate = new DefaultOAuth2AuthorizationRequestResolver(repository, AUTHORIZATION_PATH);
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith(AUTHORIZATION_PATH + "/")) {
                return null;
            }
            return resolve(request, path.substring(AUTHORIZATION_PATH.length() + 1));
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            if (registrationId == null || registrationId.contains("/")) {
                return null;
            }
            OidcClientRegistrations.Lookup lookup = registrations.lookup(registrationId);
            if (!(lookup instanceof OidcClientRegistrations.Lookup.Found)) {
                request.setAttribute(UNAVAILABLE, lookup);
                return null;
            }
            return delegate.resolve(request, registrationId);
        }
    }

    /**
     * Signs the account in as a password would: its roles, the provider's sign-in in place of the password, and the
     * second factor when the provider's acr/amr counts as it. Otherwise one who needs a second factor gives it here.
     */
    static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {
        private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        private final SignInThrottle throttle;

        Success(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            OidcAccounts.Linked linked = (OidcAccounts.Linked) authentication.getPrincipal();
            TilfriskUser account = linked.account();
            List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
            if (linked.secondFactor()) {
                authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactors.AUTHORITY));
            }
            UsernamePasswordAuthenticationToken signedIn =
                    UsernamePasswordAuthenticationToken.authenticated(account, null, authorities);
            String registrationId = authentication instanceof
                    org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken token
                    ? token.getAuthorizedClientRegistrationId() : null;
            signedIn.setDetails(new Session(registrationId, linked.getIdToken().getTokenValue()));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(signedIn);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            if (!linked.secondFactor() && account.needsSecondFactor()) {
                getRedirectStrategy().sendRedirect(request, response, "/login/second-factor");
                return;
            }
            throttle.succeeded(account.getUsername());
            super.onAuthenticationSuccess(request, response, signedIn);
        }
    }

    /**
     * A refusal back on the sign-in page with a message that says why; a provider that did not answer the token
     * exchange or the key request in time ({@link OidcHttp#unanswered}) the same 503 page as one that does not
     * answer at the start.
     */
    static final class Failure implements AuthenticationFailureHandler {
        private static final Set<String> KNOWN = Set.of(OidcAccounts.UNKNOWN, "provider_unavailable");
        private final OidcClientRegistrations registrations;

        Failure(OidcClientRegistrations registrations) {
            this.registrations = registrations;
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception)
                throws IOException, jakarta.servlet.ServletException {
            String path = request.getRequestURI();
            OidcClientRegistrations.Lookup lookup = registrations.lookup(path.substring(path.lastIndexOf('/') + 1));
            OidcClientRegistrations.Provider provider = lookup instanceof OidcClientRegistrations.Lookup.Found f
                    ? f.provider() : lookup instanceof OidcClientRegistrations.Lookup.Unavailable u ? u.provider()
                    : null;
            if (provider != null && OidcHttp.unanswered(exception)) {
                request.setAttribute(UNAVAILABLE, new OidcClientRegistrations.Lookup.Unavailable(provider));
                request.getRequestDispatcher(UNANSWERED_PATH).forward(request, response);
                return;
            }
            String code = exception instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : "";
            String reason = OidcAccounts.UNKNOWN.equals(code) ? "unknown"
                    : OidcAccounts.ROLE_REFUSED.equals(code) ? "role"
                    : KNOWN.contains(code) ? "unavailable" : "failed";
            response.sendRedirect(request.getContextPath() + "/login?oidc=" + reason);
        }
    }

    /**
     * After Tilfrisk's own logout (the session is gone): one who signed in at a provider with an end-session endpoint
     * gets a page with a link to sign out there too (a redirect after the logout form would be stopped by the
     * content security policy's form-action); everyone else the sign-in page.
     */
    static final class Logout implements LogoutSuccessHandler {
        private final OidcClientRegistrations registrations;

        Logout(OidcClientRegistrations registrations) {
            this.registrations = registrations;
        }

        @Override
        public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                    Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            if (authentication != null && authentication.getDetails() instanceof Session session
                    && registrations.lookup(session.registrationId())
                    instanceof OidcClientRegistrations.Lookup.Found found
                    && found.registration().getProviderDetails().getConfigurationMetadata()
                    .get("end_session_endpoint") instanceof String endSession) {
                String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                        .replacePath(request.getContextPath() + "/login").replaceQuery("logout").build().toUriString();
                String url = UriComponentsBuilder.fromUriString(endSession)
                        .queryParam("id_token_hint", session.idToken())
                        .queryParam("post_logout_redirect_uri", back)
                        .encode().build().toUriString();
                request.setAttribute(OidcController.END_SESSION, url);
                request.setAttribute(OidcController.PROVIDER, found.provider().displayName());
                request.getRequestDispatcher("/logout/provider").forward(request, response);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login?logout");
        }
    }
}

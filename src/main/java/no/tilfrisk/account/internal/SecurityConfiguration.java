package no.tilfrisk.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.tilfrisk.account.TilfriskUser;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API and actuator take bearer tokens and no session; pages take a form sign-in with a session
 * in PostgreSQL, CSRF protection, throttling of failed attempts and, for those who need it, a second factor
 * (TOTP) after the password; or a sign-in at the organisation's OpenID Connect provider ({@link OidcSignIn}), whose
 * acr/amr may count as the second factor. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere; htmx is configured not to inject its own styles. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * {@code /actuator}: health is open (probes); the rest, the Prometheus metrics above all, is the instance
     * operator's ({@link OperatorToken}), never an organisation's admin.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, OperatorToken operator, MessageSource messages,
                                   LocaleResolver locales, JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(messages, locales, json);
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorToken.Filter(operator, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(OperatorToken.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountLookup accounts, MessageSource messages,
                            LocaleResolver locales, JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(messages, locales, json);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // the service directory's offers are public information (issue 19); its read API is open
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, OidcClientRegistrations registrations,
                              OidcAccounts oidcAccounts,
                              RestClientAuthorizationCodeTokenResponseClient oidcTokenClient) {
        // Every rule below that lets a signed-in user in also asks for the second factor from those who need it
        // (TilfriskUser.needsSecondFactor); until they give it, only the second-factor pages and logout open.
        var fullySignedIn = AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
                .when(SecurityConfiguration::needsSecondFactor)
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactors.AUTHORITY)
                .build();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        // a calendar app has only the feed's secret address to go by
                        .requestMatchers("/calendar/feed/*").permitAll()
                        // one who was invited to «Min side» has only the link until they have chosen a password
                        .requestMatchers("/invitation/*").permitAll()
                        // sign-in through an organisation's OpenID Connect provider, and the page after its logout
                        .requestMatchers("/oauth2/authorization/*", "/login/oauth2/code/*", "/logout/provider",
                                OidcSignIn.UNANSWERED_PATH).permitAll()
                        // the service directory «Rett hjelp til rett tid»: anyone may search it without signing in
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/tilbud", "/tilbud/**").permitAll()
                        .requestMatchers("/login/second-factor", "/account/second-factor",
                                "/account/second-factor/**").authenticated()
                        .requestMatchers("/admin/**").access(fullySignedIn.hasRole("ORG_ADMIN"))
                        .requestMatchers("/persons/**", "/persons")
                        .access(fullySignedIn.hasAnyRole("ORG_ADMIN", "COORDINATOR", "STAFF"))
                        .requestMatchers("/min-side/**").access(fullySignedIn.hasRole("PARTICIPANT"))
                        .requestMatchers("/volunteers/**", "/volunteers")
                        .access(fullySignedIn.hasAnyRole("ORG_ADMIN", "COORDINATOR", "STAFF"))
                        .requestMatchers("/imports/**", "/imports")
                        .access(fullySignedIn.hasAnyRole("ORG_ADMIN", "COORDINATOR"))
                        .requestMatchers("/directory/**", "/directory")
                        .access(fullySignedIn.hasAnyRole("ORG_ADMIN", "DIRECTORY_EDITOR"))
                        .requestMatchers("/frivillig/**", "/frivillig").access(fullySignedIn.hasRole("VOLUNTEER"))
                        .requestMatchers("/partner/**", "/partner").access(fullySignedIn.hasRole("PARTNER"))
                        .anyRequest().access(fullySignedIn.authenticated()))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(new PasswordSuccessHandler(throttle))
                        .failureHandler((request, response, exception) -> {
                            throttle.failed(request.getParameter("email"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .oauth2Login(o -> o
                        .loginPage("/login")
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(
                                new OidcSignIn.Resolver(registrations, registrations)))
                        .tokenEndpoint(t -> t.accessTokenResponseClient(oidcTokenClient))
                        .userInfoEndpoint(u -> u.oidcUserService(oidcAccounts))
                        .successHandler(new OidcSignIn.Success(throttle))
                        .failureHandler(new OidcSignIn.Failure(registrations)))
                .exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint("/login/second-factor"), SecondFactors.AUTHORITY))
                .logout(logout -> logout.logoutSuccessHandler(new OidcSignIn.Logout(registrations)))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    /** Only users who signed in on a page can need it: API tokens never ask for a second factor. */
    private static boolean needsSecondFactor(Authentication authentication) {
        return authentication.getPrincipal() instanceof TilfriskUser user && user.needsSecondFactor();
    }

    /** Refuses a sign-in attempt while the account or the address is throttled, before the password is checked. */
    static final class ThrottleFilter extends OncePerRequestFilter {
        private final SignInThrottle throttle;

        ThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !("POST".equals(request.getMethod()) && "/login".equals(path));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (throttle.isBlocked(request.getParameter("email"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * After the right password: on to the second factor where one is needed, else to the page asked for. The
     * account's failed attempts are cleared only when sign-in is complete, or a known password would let an
     * attacker guess codes without end.
     */
    static final class PasswordSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final SignInThrottle throttle;

        PasswordSuccessHandler(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication)
                throws ServletException, IOException {
            if (needsSecondFactor(authentication)) {
                getRedirectStrategy().sendRedirect(request, response, "/login/second-factor");
                return;
            }
            throttle.succeeded(authentication.getName());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}

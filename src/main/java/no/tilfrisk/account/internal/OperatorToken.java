package no.tilfrisk.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import no.tilfrisk.account.ApiTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operator of the instance: who may read {@code /actuator/**} beyond health (the Prometheus metrics are
 * instance-wide, every organisation's load in one). Not an account and not a {@code Role}: no organisation's admin
 * can be given it. The operator sends {@code Authorization: Bearer <token>}; the configuration holds only the
 * token's SHA-256 ({@code tilfrisk.operator.token-sha256}, e.g. env {@code TILFRISK_OPERATOR_TOKEN_SHA256}). Without
 * it nobody is the operator, except in demo mode, where the token is {@code demo-operator} as the demo accounts'
 * tokens are {@code demo-<name>}.
 */
@Component
class OperatorToken {

    static final String DEMO_TOKEN = "demo-operator";
    static final String ROLE = "OPERATOR";

    private final byte[] expected;

    OperatorToken(@Value("${tilfrisk.operator.token-sha256:}") String sha256,
                  @Value("${tilfrisk.demo.enabled:false}") boolean demo) {
        String hash = !sha256.isBlank() ? sha256.strip().toLowerCase() : demo ? ApiTokens.hash(DEMO_TOKEN) : null;
        this.expected = hash == null ? null : HexFormat.of().parseHex(hash);
    }

    boolean matches(String token) {
        if (expected == null || token == null || token.isEmpty() || token.length() > 200) {
            return false;
        }
        byte[] given = HexFormat.of().parseHex(ApiTokens.hash(token));
        return MessageDigest.isEqual(expected, given);
    }

    /** The operator's bearer token on {@code /actuator/**}: the operator, or 401. */
    static final class Filter extends OncePerRequestFilter {

        private static final String PREFIX = "Bearer ";

        private final OperatorToken operator;
        private final AuthenticationEntryPoint entryPoint;

        Filter(OperatorToken operator, AuthenticationEntryPoint entryPoint) {
            this.operator = operator;
            this.entryPoint = entryPoint;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                chain.doFilter(request, response);
                return;
            }
            if (!operator.matches(header.substring(PREFIX.length()).strip())) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response, new BadCredentialsException("Not the operator's token"));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }
}

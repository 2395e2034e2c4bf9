package no.tilfrisk.directory.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.tilfrisk.platform.crypto.FieldEncryption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A token bucket (Bucket4j) per client address on the public read API: {@code tilfrisk.directory.public-api.per-minute}
 * requests a minute (120 unless set), refilled greedily. Beyond it: 429 with {@code Retry-After} and a
 * problem+json message in the caller's language. The buckets live in PostgreSQL (table {@code public_api_bucket},
 * V91, through Bucket4j's PostgreSQL proxy manager with {@code SELECT ... FOR UPDATE}), so every app node on the
 * database counts against the same bucket. The key is a keyed fingerprint of the address, never the address. The
 * address is the request's remote address (behind a proxy, let Spring's forwarded-header handling set it).
 *
 * <p>The buckets measure elapsed time by the system clock, not the {@link java.time.Clock} bean: Bucket4j stamps a
 * bucket's expiry with the system clock whatever clock it is given, and a rate is about seconds passing, not about
 * which day it is.
 */
@Component
class PublicApiRateLimit extends OncePerRequestFilter {

    static final String PATH = "/api/v1/public/";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration limit;
    private final FieldEncryption fingerprints;
    private final MessageSource messages;
    private final LocaleResolver locales;

    PublicApiRateLimit(@Value("${tilfrisk.directory.public-api.per-minute:120}") long perMinute, DataSource dataSource,
                       FieldEncryption fingerprints, MessageSource messages, LocaleResolver locales) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("public_api_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.limit = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        this.fingerprints = fingerprints;
        this.messages = messages;
        this.locales = locales;
    }

    /** Takes one request from the address's bucket. */
    ConsumptionProbe take(String address) {
        return buckets.getProxy(fingerprints.fingerprint("public-api " + address), () -> limit)
                .tryConsumeAndReturnRemaining(1);
    }

    /** Removes the buckets that are full again (no different from no bucket), a thousand at a time; how many. */
    int removeFullBuckets() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = take(request.getRemoteAddr());
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        Locale locale = locales.resolveLocale(request);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json;charset=UTF-8");
        String detail = messages.getMessage("directory.error.rateLimited", new Object[] {seconds}, locale);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}

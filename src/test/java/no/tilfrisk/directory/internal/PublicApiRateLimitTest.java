package no.tilfrisk.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.crypto.FieldEncryption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public API's buckets live in PostgreSQL: a second node (a second limiter on the same database, as two app
 * nodes have) counts against the same bucket, the table never holds the address, and a bucket that is full again is
 * removed while one still in use stays.
 */
@TilfriskTest
class PublicApiRateLimitTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    FieldEncryption fingerprints;
    @Autowired
    MessageSource messages;
    @Autowired
    LocaleResolver locales;
    @Autowired
    JdbcClient db;

    private PublicApiRateLimit node(long perMinute) {
        return new PublicApiRateLimit(perMinute, dataSource, fingerprints, messages, locales);
    }

    private long rows(String address) {
        return db.sql("SELECT count(*) FROM public_api_bucket WHERE id = ?")
                .param(fingerprints.fingerprint("public-api " + address)).query(Long.class).single();
    }

    private long expiry(String address) {
        return db.sql("SELECT expires_at FROM public_api_bucket WHERE id = ?")
                .param(fingerprints.fingerprint("public-api " + address)).query(Long.class).single();
    }

    @Test
    void twoNodesCountAgainstOneBucketKeyedByAFingerprintNotTheAddress() {
        String address = "192.0.2." + ((UUID.randomUUID().hashCode() & 0x7f) + 1);
        PublicApiRateLimit a = node(3);
        PublicApiRateLimit b = node(3);
        assertThat(a.take(address).isConsumed()).isTrue();
        assertThat(b.take(address).isConsumed()).isTrue();
        assertThat(a.take(address).getRemainingTokens()).isZero();
        assertThat(b.take(address).isConsumed()).as("the fourth in a minute, on the other node").isFalse();
        assertThat(a.take(address + "0").isConsumed()).as("another address has its own bucket").isTrue();

        assertThat(db.sql("SELECT count(*) FROM public_api_bucket WHERE id LIKE ?").param("%" + address + "%")
                .query(Long.class).single()).isZero();
        assertThat(rows(address)).isOne();
    }

    @Test
    void aBucketFullAgainIsRemovedAndOneInUseStays() {
        String slow = "198.51.100." + ((UUID.randomUUID().hashCode() & 0x7f) + 1);
        String fast = "203.0.113." + ((UUID.randomUUID().hashCode() & 0x7f) + 1);
        // 100,000 a second: full again within a millisecond; 3 a minute: two used, full again only in 40 s
        node(6_000_000).take(fast);
        PublicApiRateLimit limiter = node(3);
        limiter.take(slow);
        limiter.take(slow);
        assertThat(rows(fast)).isOne();
        assertThat(rows(slow)).isOne();
        long fastFull = expiry(fast);
        assertThat(expiry(slow) - fastFull).as("full again 40 s apart").isGreaterThan(30_000);
        assertThat(fastFull).as("full again at once").isLessThanOrEqualTo(System.currentTimeMillis() + 1_000);
        // Bucket4j removes by the system clock, in whole milliseconds: wait out the one at most that «full again
        // within a millisecond» may still have to run (a bounded spin, no sleep)
        while (System.currentTimeMillis() <= fastFull) {
            Thread.onSpinWait();
        }

        assertThat(limiter.removeFullBuckets()).isPositive();
        assertThat(rows(fast)).isZero();
        assertThat(rows(slow)).as("still in use").isOne();
    }
}

package no.tilfrisk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import no.tilfrisk.platform.web.Dates;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shared test context's {@link Clock}: the real time unless a test stands it on a fixed instant. A test that
 * calls {@link #standAt} must call {@link #release} in a {@code finally} or {@code @AfterEach}, since every test
 * class shares this one bean. Services read the clock on each call, so a test can move it between two calls
 * (a scheduled job run at 8, 4 and 1 weeks before a date, say).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock();
    }

    /** A clock in Oslo's zone that follows the system clock until it is stood on an instant. */
    public static final class SettableClock extends Clock {
        private final AtomicReference<Instant> fixed = new AtomicReference<>();

        /** Stands the clock still on this instant. */
        public void standAt(Instant instant) {
            fixed.set(instant);
        }

        /** Stands the clock still at this time of day in Oslo. */
        public void standAt(ZonedDateTime oslo) {
            standAt(oslo.toInstant());
        }

        /** Lets the clock follow the system clock again. */
        public void release() {
            fixed.set(null);
        }

        @Override
        public ZoneId getZone() {
            return Dates.OSLO;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            Instant at = fixed.get();
            return at != null ? Clock.fixed(at, zone) : Clock.system(zone);
        }

        @Override
        public Instant instant() {
            Instant at = fixed.get();
            return at != null ? at : Instant.now();
        }
    }
}

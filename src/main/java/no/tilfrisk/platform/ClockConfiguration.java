package no.tilfrisk.platform;

import java.time.Clock;
import no.tilfrisk.platform.web.Dates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every «today» and «now» is read from, in Oslo's time zone; tests may stand it on a fixed date. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Dates.OSLO);
    }
}

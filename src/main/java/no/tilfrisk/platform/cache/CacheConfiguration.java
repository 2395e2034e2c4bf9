package no.tilfrisk.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's cache abstraction on Caffeine, in this node's memory, for what is the same for everyone and read on
 * every request (the public directory's filter choices). A module that caches evicts on its own writes; every
 * entry also expires after {@link #TIME_TO_LIVE}, the most a change made elsewhere (another node, SQL by hand)
 * stays unseen. Only values that hold nobody's personal data belong here.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class CacheConfiguration {

    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    @Bean
    CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(TIME_TO_LIVE));
        return manager;
    }
}

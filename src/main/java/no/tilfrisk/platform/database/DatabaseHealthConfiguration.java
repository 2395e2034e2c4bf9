package no.tilfrisk.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code db} health indicator for both the embedded and an external PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

    @Bean
    DatabaseHealth dbHealthIndicator(HikariDataSource dataSource) {
        return new DatabaseHealth(dataSource);
    }
}

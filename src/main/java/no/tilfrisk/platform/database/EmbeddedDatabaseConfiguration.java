package no.tilfrisk.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Without {@code spring.datasource.url}, Tilfrisk runs its own PostgreSQL 17 with data under
 * {@code tilfrisk.data-dir}. Flyway migrates as the owning role; the application connects as a role that owns
 * nothing, so row-level security applies to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(Environment env) {
        return EmbeddedPostgresServer.acquire(EarlyEmbeddedPostgresStart.dataDirectory(env),
                env.getProperty("tilfrisk.embedded.clean", Boolean.class, false));
    }

    /** The pool's other settings ({@code spring.datasource.hikari.*}) are bound as for an external database. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server,
                                @Value("${tilfrisk.embedded.pool-size:10}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("tilfrisk");
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(EmbeddedPostgresServer.APP_ROLE);
        ds.setPassword(EmbeddedPostgresServer.APP_PASSWORD);
        ds.setMaximumPoolSize(poolSize);
        return ds;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(new Driver(), server.jdbcUrl(),
                EmbeddedPostgresServer.OWNER_ROLE, EmbeddedPostgresServer.OWNER_PASSWORD);
    }
}

package no.tilfrisk.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL in the background as soon as the settings are known, so that initdb and
 * server start overlap with building the Spring context instead of adding to it.
 */
public class EarlyEmbeddedPostgresStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        if (env.getProperty("spring.datasource.url", "").isEmpty()) {
            EmbeddedPostgresServer.prepare(dataDirectory(env), env.getProperty("tilfrisk.embedded.clean", Boolean.class, false));
        }
    }

    static Path dataDirectory(Environment env) {
        return Path.of(env.getProperty("tilfrisk.data-dir", "./data")).resolve("postgres");
    }
}

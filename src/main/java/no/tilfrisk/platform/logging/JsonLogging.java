package no.tilfrisk.platform.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** {@code tilfrisk.log-json=true} switches the console to structured JSON logs (Elastic Common Schema). */
public class JsonLogging implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("tilfrisk.log-json", Boolean.class, false)) {
            environment.getPropertySources().addFirst(new MapPropertySource("tilfrisk-json-logging",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}

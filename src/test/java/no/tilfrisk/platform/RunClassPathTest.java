package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Under {@code ./mvnw spring-boot:run} the dependencies come before {@code target/classes} on the class path (the
 * class-data archive needs it, see {@code src/cds/archive.sh}). So a resource of the app that a library also ships
 * would be the library's there, and the app's own under {@code java -jar} and in the tests. No library ships one,
 * except Spring's factories file, which Spring reads from every jar and folder.
 */
class RunClassPathTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void noLibraryShipsAResourceOfTheSameNameAsTheApps() throws IOException {
        List<String> resources;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            resources = files.filter(Files::isRegularFile)
                    .map(file -> CLASSES.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith(".class"))
                    .filter(name -> !name.equals("META-INF/spring.factories"))
                    .toList();
        }
        assertThat(resources).contains("application.properties", "messages_nb.properties", "templates/layout.html");

        ClassLoader loader = getClass().getClassLoader();
        List<String> shipped = resources.stream().filter(name -> copies(loader, name) > 1).toList();
        assertThat(shipped).as("resources that a library on the class path ships too").isEmpty();
    }

    private static int copies(ClassLoader loader, String name) {
        try {
            List<URL> urls = Collections.list(loader.getResources(name));
            return urls.size();
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }
}

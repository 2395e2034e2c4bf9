package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string in both languages, and every key a template or a validation message names exists. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path JAVA = Path.of("src/main/java");

    @Test
    void bokmaalAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("messages_en.properties")).isEqualTo(keys("messages_nb.properties"));
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String file : new String[] {"messages_nb.properties", "messages_en.properties"}) {
            Properties p = load(file);
            assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(file + " " + k).isNotBlank());
        }
    }

    @Test
    void everyKeyThatTemplatesAndCodeNameExists() throws IOException {
        Set<String> known = keys("messages_nb.properties");
        Set<String> named = new TreeSet<>();
        collect(RESOURCES.resolve("templates"), Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]"), named);
        collect(JAVA, Pattern.compile("\"\\{([a-zA-Z0-9.\\-]+)}\""), named);
        collect(JAVA, Pattern.compile("InvalidInputException\\(\"\\w+\", \"([a-zA-Z0-9.\\-]+)\"\\)"), named);
        assertThat(named).isNotEmpty();
        assertThat(known).containsAll(named);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file));
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}

package no.tilfrisk.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The official list of Norwegian municipalities (as of 1 January 2024), shipped as data. */
@Component("municipalities")
public class Municipalities {

    private final List<String> names;
    private final Map<String, String> byLowerCase;

    Municipalities() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("data/municipalities.txt").getInputStream(), StandardCharsets.UTF_8))) {
            names = in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The municipality list is missing", e);
        }
        byLowerCase = names.stream().collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), Function.identity()));
    }

    public List<String> names() {
        return names;
    }

    /** The official spelling of a municipality typed in any case, if it is one. */
    public Optional<String> official(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byLowerCase.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}

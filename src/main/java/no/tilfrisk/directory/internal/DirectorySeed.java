package no.tilfrisk.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.tilfrisk.directory.SeedOffers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads seed 004's appendices 3 and 4 (the data files under {@code reference/}) as shared entries of the network
 * at start-up, once: each row has a fixed id, so a second start adds nothing. Runs before the demo data.
 */
@Component
@Order(0)
class DirectorySeed implements ApplicationRunner {

    private final SeedOffers seed;

    DirectorySeed(SeedOffers seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed.load(rows("reference/oslo-institutions.csv"), rows("reference/oslo-centre-offers.csv"));
    }

    /** The data rows of a semicolon file with a header, as column → text (empty fields absent). */
    static List<Map<String, String>> rows(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return SeedOffers.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

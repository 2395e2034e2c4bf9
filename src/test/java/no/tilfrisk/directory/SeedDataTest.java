package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 004's appendices 3 and 4 in the data files, checked against the seed's own text (shipped verbatim under
 * {@code src/test/resources/seed/}), and in the directory after start-up as public shared entries with their
 * figures and without invented opening hours.
 */
@TilfriskTest
class SeedDataTest {

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Offers offers;

    static String text(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Map<String, String>> rows(String resource) throws IOException {
        return SeedOffers.parse(text(resource));
    }

    @Test
    void everyRowOfAppendixThreeIsTheSeedsRow() throws IOException {
        String seed = text("seed/004-appendices-3-4.txt");
        List<Map<String, String>> rows = rows("reference/oslo-institutions.csv");
        assertThat(rows).hasSize(32);
        for (Map<String, String> r : rows) {
            assertThat(seed).as(r.get("name")).contains(String.join("\t", r.get("name"), r.get("type"), r.get("places"),
                    r.get("gender"), r.get("ownership")) + "\n");
        }
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.get("places"))).sum()).isEqualTo(703);
        assertThat(rows.get(6)).containsEntry("name", "Dalsbergstien").containsEntry("places", "45");
    }

    @Test
    void everyRowOfAppendixFourIsTheSeedsRowWithTheFiguresAsWritten() throws IOException {
        String seed = text("seed/004-appendices-3-4.txt");
        List<Map<String, String>> rows = rows("reference/oslo-centre-offers.csv");
        assertThat(rows).hasSize(37);
        assertThat(rows.stream().filter(r -> r.get("section").equals("K"))).hasSize(7);
        List<String> columns = List.of("name", "target_group", "offers", "paid_fte", "volunteer_fte", "users_2016", "grant_2017");
        for (Map<String, String> r : rows) {
            String line = String.join("\t", columns.stream().map(c -> r.getOrDefault(c, "")).toList());
            switch (r.get("name")) {
                // the three places the file says it differs from the seed's text
                case "Uteseksjonen" -> assertThat(seed).contains(line.replace("telefontjeneste", "telefонтjeneste"));
                case "Fattighuset" -> assertThat(seed).contains(line.replace("Fattighuset", "Fattighuset**"));
                case "Frelsesarmeen Fyrlyset" -> assertThat(seed)
                        .contains("Frelsesarmeen\tPersoner med\tMat, klær, sosiale\t11\t5,2\tAnslag: 600-1\t5 670 000")
                        .contains("Fyrlyset\trusmiddelproblemer\taktiviteter, rådgivning og veiledning\t\t\t000\t");
                default -> assertThat(seed).as(r.get("name")).contains(line);
            }
        }
        // a sample, by hand from the seed
        assertThat(rows.get(0)).containsEntry("name", "Prinsen mottakssenter").containsEntry("paid_fte", "Ca. 65")
                .containsEntry("volunteer_fte", "Ingen").containsEntry("users_2016", "Kun pr. tjeneste (se i teksten)");
        assertThat(rows).filteredOn(r -> r.get("name").equals("Frelsesarmeen Jobben")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("paid_fte", "8,5").containsEntry("grant_2017", "13 090 000,-"));
        assertThat(rows).filteredOn(r -> r.get("name").equals("WayBack")).singleElement()
                .satisfies(r -> assertThat(r).doesNotContainKeys("paid_fte", "volunteer_fte", "users_2016").containsEntry("grant_2017", "0,-"));
        assertThat(rows).allSatisfy(r -> {
            r.getOrDefault("needs", "").lines().flatMap(s -> List.of(s.split(",")).stream()).forEach(Need::of);
            List.of(r.getOrDefault("target_groups", "").split(",")).stream().filter(s -> !s.isEmpty()).forEach(TargetGroup::of);
        });
    }

    @Test
    void theDirectoryHoldsEverySeedRowAsAPublicSharedEntryWithoutHours() {
        // no organisation in the transaction: what an anonymous visitor sees
        List<Map<String, Object>> seeded = tx.execute(s -> db.sql("""
                SELECT source, count(*) AS n, count(*) FILTER (WHERE organisation_id IS NULL AND published AND NOT hours_known) AS shared
                  FROM offer WHERE source LIKE 'SEED%' GROUP BY source ORDER BY source""").query().listOfRows());
        assertThat(seeded).extracting(r -> r.get("source") + "=" + r.get("n") + "/" + r.get("shared"))
                .containsExactly("SEED_004_APPENDIX_3=32/32", "SEED_004_APPENDIX_4=37/37");
        Offer prinsen = offers.get(SeedOffers.idOf(SeedOffers.APPENDIX_4, "Prinsen mottakssenter"));
        assertThat(prinsen.sourceFigures()).containsEntry("paid_fte", "Ca. 65").containsEntry("grant_2017", "Ikke aktuelt");
        assertThat(prinsen.hours().known()).isFalse();
        Offer dalsbergstien = offers.get(SeedOffers.idOf(SeedOffers.APPENDIX_3, "Dalsbergstien"));
        assertThat(dalsbergstien.capacity()).isEqualTo(45);
        assertThat(dalsbergstien.operatorKind()).isEqualTo(OperatorKind.MUNICIPAL);
        assertThat(dalsbergstien.needs()).contains(Need.SHELTER);
        assertThat(offers.get(SeedOffers.idOf(SeedOffers.APPENDIX_3, "Svingen")).targetGroups()).contains(TargetGroup.WOMEN);
    }
}

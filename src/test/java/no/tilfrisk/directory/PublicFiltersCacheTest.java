package no.tilfrisk.directory;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public search's filter choices are cached (the same for every visitor) and a write through the services
 * empties the cache: a row written behind the services' back (as the database's owner) stays out of the area list
 * while it is cached, and shows with the next offer saved. The offers are removed as the owner afterwards and the
 * cache emptied, so later classes see neither.
 */
@TilfriskTest
class PublicFiltersCacheTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Offers offers;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    CacheManager caches;

    final String word = "buffer" + UUID.randomUUID().toString().substring(0, 8);

    Connection owner() throws Exception {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD);
    }

    @AfterEach
    void remove() throws Exception {
        try (Connection c = owner()) {
            for (String sql : List.of(
                    "DELETE FROM offer_change WHERE offer_id IN (SELECT id FROM offer WHERE name LIKE ?)",
                    "DELETE FROM offer_hours WHERE offer_id IN (SELECT id FROM offer WHERE name LIKE ?)",
                    "DELETE FROM offer WHERE name LIKE ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "% " + word);
                    s.executeUpdate();
                }
            }
        }
        caches.getCache(PublicLists.CACHE).clear();
    }

    String page() throws Exception {
        return mvc.perform(get("/tilbud")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theAreasAreCachedAndAnOfferSavedShowsAtOnce() throws Exception {
        assertThat(page()).doesNotContain("Aa skjult " + word);
        try (Connection c = owner(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO offer (id, organisation_id, source, name, operator_kind, needs, target_groups, low_threshold,
                                   free, area, municipality, languages, hours_known, published, last_confirmed)
                VALUES (gen_random_uuid(), NULL, 'MANUAL', 'Skjult ' || ?, 'VOLUNTARY', ARRAY['food'], ARRAY['men'],
                        true, true, 'Aa skjult ' || ?, 'Oslo', ARRAY['nb'], false, true, date '2026-06-01')""")) {
            s.setString(1, word);
            s.setString(2, word);
            s.executeUpdate();
        }
        assertThat(page()).as("cached").doesNotContain("Aa skjult " + word);
        People.asSystem(DEMO_RECOVERY, () -> offers.create(UUID.randomUUID(), DirectoryFixtures.form("Synlig " + word,
                List.of("food"), List.of("men"), true, true, "Aa synlig " + word)));
        assertThat(page()).as("emptied by the save").contains("Aa synlig " + word, "Aa skjult " + word);
    }
}

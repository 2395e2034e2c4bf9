package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guided search ranks in the database over every offer that gives a need, not over the first thousand by name:
 * 1,001 offers that give food, all named «Aaa …» (before anything else), and one named «Øverst …» that fits best
 * (four of the needs asked for, in an area of its own, low threshold, free of charge, for former users: 8 reasons,
 * where no other offer can have the area). It comes first. The offers are written and removed as the database's
 * owner, so nothing of them is left for later classes.
 */
@TilfriskTest
class GuidedRankingTest {

    @Autowired
    GuidedSearch guided;
    @Autowired
    HikariDataSource dataSource;

    final String word = "rang" + UUID.randomUUID().toString().substring(0, 8);
    final UUID best = UUID.randomUUID();

    Connection owner() throws Exception {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD);
    }

    @AfterEach
    void remove() throws Exception {
        try (Connection c = owner(); PreparedStatement s = c.prepareStatement("DELETE FROM offer WHERE name LIKE ?")) {
            s.setString(1, "% " + word + "%");
            s.executeUpdate();
        }
    }

    @Test
    void theBestFitIsFoundPastTheThousandthOfferByName() throws Exception {
        try (Connection c = owner()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO offer (id, organisation_id, source, name, operator_kind, needs, target_groups, low_threshold,
                                       free, area, municipality, languages, hours_known, published, last_confirmed)
                    SELECT gen_random_uuid(), NULL, 'MANUAL', 'Aaa ' || ? || ' ' || lpad(g::text, 4, '0'), 'VOLUNTARY',
                           ARRAY['food'], ARRAY['men'], false, false, 'Skien', 'Skien', ARRAY['nb'], false, true,
                           date '2026-06-01'
                      FROM generate_series(1, 1001) g""")) {
                s.setString(1, word);
                assertThat(s.executeUpdate()).isEqualTo(1001);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO offer (id, organisation_id, source, name, operator_kind, needs, target_groups, low_threshold,
                                       free, area, municipality, languages, hours_known, published, last_confirmed)
                    VALUES (?, NULL, 'MANUAL', 'Øverst ' || ?, 'VOLUNTARY', ARRAY['food', 'shelter', 'clothes', 'advice'],
                            ARRAY['former-use'], true, true, 'Bydel ' || ?, 'Oslo', ARRAY['nb'], false, true, date '2026-06-01')""")) {
                s.setObject(1, best);
                s.setString(2, word);
                s.setString(3, word);
                s.executeUpdate();
            }
        }
        GuidedSearch.Answers answers = new GuidedSearch.Answers();
        answers.setAsked(true);
        answers.setNeed(List.of("food", "shelter", "clothes", "advice"));
        answers.setArea("Bydel " + word);
        answers.setPeers("yes");
        List<GuidedSearch.Fit> fits = guided.fits(answers);
        assertThat(fits).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(fits.get(0).offer().id()).isEqualTo(best);
        assertThat(fits.get(0).reasons()).extracting(GuidedSearch.Reason::key).containsExactly("directory.reason.need",
                "directory.reason.need", "directory.reason.need", "directory.reason.need", "directory.reason.area",
                "directory.reason.peers", "directory.reason.lowThreshold", "directory.reason.free");
        // the fillers give one reason each, and rank below; their order among equals is by name
        assertThat(fits.stream().map(f -> f.offer().name()).filter(n -> n.startsWith("Aaa " + word)).toList())
                .isSortedAccordingTo(String::compareTo);
    }
}

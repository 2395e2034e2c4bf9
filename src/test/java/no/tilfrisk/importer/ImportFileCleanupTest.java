package no.tilfrisk.importer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clean-up of uploads never imported (the hourly job's service): by the application's clock, a file left at its
 * dry run stays for 24 hours and then goes; an imported file keeps its row (name and hash) and is not counted.
 */
@TilfriskTest
class ImportFileCleanupTest {

    @Autowired
    Imports imports;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock.SettableClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    @Test
    void uploadsNeverImportedGoAfter24HoursByTheClockAndImportedOnesStay() {
        Instant uploadedAt = clock.instant();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID waiting = UUID.randomUUID();
        UUID imported = UUID.randomUUID();
        Mapping mapping = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "birthYear", "Fødselsår"));
        People.asSystem(DEMO_RECOVERY, () -> {
            imports.upload(waiting, "venter.csv", ("Navn\r\nRydd " + tag + "\r\n").getBytes(StandardCharsets.UTF_8));
            // one row refused and left out: the import makes nothing, but the file is imported
            imports.upload(imported, "importert.csv",
                    ("Navn;Fødselsår\r\nRydd " + tag + ";1789\r\n").getBytes(StandardCharsets.UTF_8));
            return imports.run(imported, mapping, null, Map.of(), true, p -> { });
        });

        clock.standAt(uploadedAt.plus(Duration.ofHours(23)));
        People.asSystem(DEMO_RECOVERY, imports::removeUnimportedFiles);
        assertThat(file(waiting)).isEqualTo("with content");

        clock.standAt(uploadedAt.plus(Duration.ofHours(25)));
        int removed = People.asSystem(DEMO_RECOVERY, imports::removeUnimportedFiles);
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(file(waiting)).isEqualTo("gone");
        assertThat(file(imported)).isEqualTo("imported");
        // a second run finds nothing more of these
        People.asSystem(DEMO_RECOVERY, imports::removeUnimportedFiles);
        assertThat(file(imported)).isEqualTo("imported");
        assertThat((int) Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM audit_event WHERE what LIKE 'import.files.unimported:%' AND action = 'ERASE'")
                .query(Integer.class).single()))).isGreaterThanOrEqualTo(1);
    }

    private String file(UUID id) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT CASE WHEN content IS NULL THEN 'imported' ELSE 'with content' END FROM import_file WHERE id = ?")
                .param(id).query(String.class).optional().orElse("gone")));
    }
}

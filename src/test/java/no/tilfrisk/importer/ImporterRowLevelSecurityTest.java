package no.tilfrisk.importer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security as the second wall around the importer's tables: another organisation's rows are not there. */
@TilfriskTest
class ImporterRowLevelSecurityTest {

    static final List<String> TABLES = List.of("import_file", "import_mapping", "import_batch", "import_item");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Imports imports;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnImportsAndCannotWriteAnothers() {
        UUID file = UUID.randomUUID();
        String name = "Rls " + UUID.randomUUID().toString().substring(0, 8);
        UUID batch = People.asSystem(OTHER_ORGANISATION, () -> {
            imports.upload(file, "rls.csv", ("Navn\r\n" + name + "\r\n").getBytes(StandardCharsets.UTF_8));
            Mapping mapping = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn"));
            imports.dryRun(file, mapping, null, Map.of());
            return imports.run(file, mapping, null, Map.of(), false, p -> { }).batchId();
        });
        for (String table : TABLES) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).doesNotContain(OTHER_ORGANISATION);
            assertThat(organisations(OTHER_ORGANISATION, table)).as(table).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        }
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE import_file SET content = NULL WHERE id = ?").param(file).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO import_mapping (organisation_id, kind, columns) VALUES (?, 'PERSONS', '{}')")
                        .param(OTHER_ORGANISATION).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        // the trail of a batch is append-only for the app: no deleting a batch
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("DELETE FROM import_batch").update())))
                .rootCause().hasMessageContaining("permission denied");
        // the person made is taken back, so the other organisation's lists are as they were
        People.asSystem(OTHER_ORGANISATION, () -> imports.undo(batch));
    }

    private List<UUID> organisations(UUID organisation, String table) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}

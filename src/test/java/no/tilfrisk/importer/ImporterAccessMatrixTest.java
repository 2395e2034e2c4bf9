package no.tilfrisk.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The import pages × every demo role × an uploaded file and an import made by the admin of the caller's
 * organisation (in the demo organisation, target «own» and «other department» alike, since a file belongs to the
 * organisation) and of another organisation. Admins reach their organisation's files and imports; a coordinator
 * imports too, but reaches only their own files and imports (so the admin's are «not found»); everyone else is
 * refused. A file or import of another organisation is «not found», and nothing of it changes.
 */
@TilfriskTest
class ImporterAccessMatrixTest {

    static final Set<String> IMPORTERS = Set.of("admin@demo.tilfrisk.no", "koordinator@demo.tilfrisk.no",
            "admin@annen.tilfrisk.no");

    static final Map<String, Set<MatrixTarget>> RIGHTS = Map.of(
            "admin@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /imports", ""),
            Map.entry("POST /imports", "kind=PERSONS&formId={new}"),
            Map.entry("GET /imports/files/{id}", "kind=PERSONS"),
            Map.entry("POST /imports/files/{id}/dry-run", "kind=PERSONS&col.name=Navn"),
            Map.entry("POST /imports/files/{id}/run", "kind=PERSONS&col.name=Navn"),
            Map.entry("GET /imports/files/{id}/progress", ""),
            Map.entry("POST /imports/{batchId}/undo", ""),
            // the API: a JSON body where the upload takes a multipart one, so an importer's upload is refused as
            // having no file (ImportApiTest uploads)
            Map.entry("GET /api/v1/imports", ""),
            Map.entry("POST /api/v1/imports", ""),
            Map.entry("GET /api/v1/imports/{batchId}", ""),
            Map.entry("GET /api/v1/imports/files/{id}", ""),
            Map.entry("POST /api/v1/imports/files/{id}/dry-run", "{\"kind\": \"PERSONS\", \"mapping\": {\"name\": \"Navn\"}}"),
            Map.entry("POST /api/v1/imports/files/{id}/run",
                    "{\"kind\": \"PERSONS\", \"mapping\": {\"name\": \"Navn\"}, \"skipRefused\": true}"),
            Map.entry("POST /api/v1/imports/{batchId}/undo", ""));

    /** Endpoints about no one file or import: every importer reaches them. */
    static final Set<String> WHOLE = Set.of("GET /imports", "POST /imports", "GET /api/v1/imports", "POST /api/v1/imports");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Imports imports;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.importer");
        assertThat(found).isNotEmpty();
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void filesAndImportsAreTheirOrganisationsAndTheirImportersOnly() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .allowed(c -> WHOLE.contains(c.endpoint()) ? IMPORTERS.contains(c.account())
                        : RIGHTS.getOrDefault(c.account(), Set.of()).contains(c.target()))
                // the matrix posts form fields, not a file: an importer's upload is refused as having no file (the
                // upload itself is ImportPagesTest's); the dry run is a report, and an undo asks first: pages
                .allowedMayAnswer((c, r) -> c.endpoint().equals("POST /api/v1/imports") ? r.status() == 400
                        && r.body().contains("\"field\":\"file\"")
                        : c.endpoint().equals("POST /imports") ? r.status() == 400
                        && r.body().contains("role=\"alert\"")
                        : r.status() == 200 && (c.endpoint().endsWith("/dry-run") && r.body().contains("Prøvekjøring")
                        || c.endpoint().endsWith("/undo") && r.body().contains("name=\"confirmed\"")))
                .state(f -> Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                                SELECT (SELECT count(*) FROM import_batch WHERE id = :batch AND undone_at IS NULL)
                                       || '/' || (SELECT count(*) FROM import_file WHERE id = :file AND content IS NOT NULL)""")
                        .param("batch", f.batch()).param("file", f.file()).query(String.class).single())))
                .fixtureFor(c -> c.endpoint().endsWith("/run") ? fixture(c.target()) : c.fixture())
                .check((c, r) -> !RIGHTS.getOrDefault(c.account(), Set.of()).contains(c.target())
                        && r.body().contains(c.fixture().name()) ? "leaks the file's contents" : null)
                .verify();
    }

    record Fixture(UUID organisation, UUID file, UUID batch, String name) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", file, "batchId", batch);
        }
    }

    private final Map<MatrixTarget, Fixture> shared = new java.util.HashMap<>();

    private Fixture fixture(MatrixTarget target) {
        String name = "Importmatrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        var admin = accounts.loadUserByUsername(target.admin());
        // a file of one person whose birth year is refused: imported with its rows left out, it makes nothing
        byte[] done = ("Navn;Fødselsår\r\n" + name + " ferdig;1789\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] waiting = ("Navn;Fødselsår\r\n" + name + ";1789\r\n").getBytes(StandardCharsets.UTF_8);
        UUID batchFile = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        Mapping mapping = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "birthYear", "Fødselsår"));
        UUID batch = People.as(admin, () -> {
            imports.upload(batchFile, "matrise.csv", done);
            imports.upload(file, "matrise-venter.csv", waiting);
            return imports.run(batchFile, mapping, null, Map.of(), true, p -> { }).batchId();
        });
        return new Fixture(organisation, file, batch, name);
    }
}

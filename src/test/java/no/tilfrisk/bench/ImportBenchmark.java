package no.tilfrisk.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.importer.DryRun;
import no.tilfrisk.importer.ImportKind;
import no.tilfrisk.importer.Imports;
import no.tilfrisk.importer.Mapping;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of issue 20: the dry run and the real import of 50,000 attendance rows (500 persons × 100 sessions of
 * one activity, as CSV and as XLSX), as the demo admin, in-process; and the FHIR bundle of the demo participant
 * (GET /api/v1/persons/{id}/fhir, p50/p95/p99 over 200 calls). Targets: under 20 s each for the dry run and the
 * import; p95 under 200 ms for the bundle. Run by {@code bench/import.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-import", "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true", "tilfrisk.scheduling.enabled=false"})
@AutoConfigureMockMvc
@Import({People.class, ActivityFixtures.class})
class ImportBenchmark {

    static final int PERSONS = 500;
    static final int SESSIONS = 100;

    @Autowired
    Imports imports;
    @Autowired
    Departments departments;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void fiftyThousandAttendanceRowsAndTheFhirBundle() throws Exception {
        var admin = accounts.loadUserByUsername(Demo.ADMIN);
        People.asSystem(Demo.DEMO_RECOVERY, () -> {
            DepartmentForm form = new DepartmentForm();
            form.setName("Benkavdeling");
            return departments.create(UUID.randomUUID(), form);
        });
        var activity = activities.activity(Demo.DEMO_RECOVERY, "Benkavdeling", "Benkkafé", true,
                LocalDate.of(2024, 1, 1), null, List.of());

        StringBuilder persons = new StringBuilder("Navn;Fødselsår;Rolle;Avdeling;Fra\r\n");
        for (int p = 0; p < PERSONS; p++) {
            persons.append("Benk Person ").append(p).append(";").append(1950 + p % 50)
                    .append(";Deltaker;Benkavdeling;01.01.2024\r\n");
        }
        UUID personFile = UUID.randomUUID();
        Mapping personMapping = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "birthYear", "Fødselsår",
                "role", "Rolle", "department", "Avdeling", "from", "Fra"));
        long t0 = System.nanoTime();
        People.as(admin, () -> {
            imports.upload(personFile, "benk-personer.csv", persons.toString().getBytes(StandardCharsets.UTF_8));
            return imports.run(personFile, personMapping, null, Map.of(), false, p -> { });
        });
        System.out.printf(Locale.ROOT, "import, %d persons with role and membership: %.1f s%n", PERSONS,
                (System.nanoTime() - t0) / 1e9);

        StringBuilder csv = new StringBuilder("Aktivitet;Dato;Person;Barn\r\n");
        Object[][] rows = new Object[PERSONS * SESSIONS + 1][];
        rows[0] = new Object[] {"Aktivitet", "Dato", "Person", "Barn"};
        int r = 1;
        for (int s = 0; s < SESSIONS; s++) {
            LocalDate date = LocalDate.of(2024, 1, 2).plusDays(3L * s);
            String day = String.format(Locale.ROOT, "%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
            for (int p = 0; p < PERSONS; p++) {
                String children = p == 0 ? "2" : "";
                csv.append("Benkkafé;").append(day).append(";Benk Person ").append(p).append(";").append(children)
                        .append("\r\n");
                rows[r++] = new Object[] {"Benkkafé", date, "Benk Person " + p, p == 0 ? 2 : null};
            }
        }
        Mapping mapping = new Mapping(ImportKind.ATTENDANCE, Map.of("activity", "Aktivitet", "date", "Dato",
                "person", "Person", "children", "Barn"));
        byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] xlsxBytes = xlsx(rows);
        System.out.printf(Locale.ROOT, "files: CSV %.1f MB, XLSX %.1f MB, %d rows each (load average %s)%n",
                csvBytes.length / 1e6, xlsxBytes.length / 1e6, rows.length - 1, Timing.loadAverage());

        UUID xlsxFile = UUID.randomUUID();
        People.as(admin, () -> imports.upload(xlsxFile, "benk.xlsx", xlsxBytes));
        long t1 = System.nanoTime();
        DryRun xlsxRun = People.as(admin, () -> imports.dryRun(xlsxFile, mapping, null, Map.of()));
        System.out.printf(Locale.ROOT, "import, dry run of 50,000 attendance rows (XLSX): %.1f s; would create %d, "
                        + "refuse %d (load average %s)%n", (System.nanoTime() - t1) / 1e9, xlsxRun.created(),
                xlsxRun.refused(), Timing.loadAverage());

        UUID csvFile = UUID.randomUUID();
        People.as(admin, () -> imports.upload(csvFile, "benk.csv", csvBytes));
        long t2 = System.nanoTime();
        DryRun dry = People.as(admin, () -> imports.dryRun(csvFile, mapping, null, Map.of()));
        System.out.printf(Locale.ROOT, "import, dry run of 50,000 attendance rows (CSV): %.1f s; would create %d, "
                        + "refuse %d (load average %s)%n", (System.nanoTime() - t2) / 1e9, dry.created(), dry.refused(),
                Timing.loadAverage());
        long t3 = System.nanoTime();
        Imports.Result result = People.as(admin, () -> imports.run(csvFile, mapping, null, Map.of(), false, p -> { }));
        System.out.printf(Locale.ROOT, "import, real import of 50,000 attendance rows (CSV, one transaction): %.1f s; "
                        + "created %d (load average %s)%n", (System.nanoTime() - t3) / 1e9, result.run().created(),
                Timing.loadAverage());
        long present = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> jdbc.sql("""
                        SELECT count(*) FROM attendance a JOIN activity_session s ON s.id = a.session_id
                         WHERE s.activity_id = ?""").param(activity.id()).query(Long.class).single()));
        System.out.printf(Locale.ROOT, "import, attendance rows in the database after the import: %d%n", present);
        long t4 = System.nanoTime();
        People.as(admin, () -> imports.undo(result.batchId()));
        System.out.printf(Locale.ROOT, "import, undo of the 50,000-row import: %.1f s%n", (System.nanoTime() - t4) / 1e9);

        UUID participant = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> jdbc.sql(
                "SELECT person_id FROM app_user WHERE email = 'deltaker@demo.tilfrisk.no'").query(UUID.class).single()));
        Timing.print("fhir", "GET /api/v1/persons/{id}/fhir of the demo participant", Timing.measure(200, 20,
                () -> mvc.perform(get("/api/v1/persons/" + participant + "/fhir")
                        .header("Authorization", Demo.bearer("demo-admin"))).andExpect(status().isOk())));
    }

    private static byte[] xlsx(Object[][] rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Tilfrisk", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Oppmøte");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof LocalDate d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format("dd.mm.yyyy").set();
                    } else if (value instanceof Integer i) {
                        sheet.value(r, c, i);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
        }
        return out.toByteArray();
    }
}

package no.tilfrisk.importer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import's dry run on files with every kind of wrong row (a CSV with a byte-order mark and Windows line ends,
 * a real XLSX written with fastexcel), the real import, the same file twice, the undo within and after 24 hours,
 * and the files that cannot be imported at all. Fixtures live in a department of their own, «Importavdeling».
 */
@TilfriskTest
class ImportsTest {

    static final String DEPARTMENT = "Importavdeling";

    @Autowired
    Imports imports;
    @Autowired
    Departments departments;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    People people;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock.SettableClock clock;

    String tag;

    /** The demo organisation's department of that name, made once for the import tests. */
    static void ensureDepartment(Departments departments, String name) {
        People.asSystem(DEMO_RECOVERY, () -> {
            if (departments.list().stream().noneMatch(d -> d.name().equals(name))) {
                DepartmentForm form = new DepartmentForm();
                form.setName(name);
                departments.create(UUID.randomUUID(), form);
            }
            return null;
        });
    }

    @BeforeEach
    void department() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        ensureDepartment(departments, DEPARTMENT);
    }

    @AfterEach
    void release() {
        clock.release();
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }

    private String nb(DryRun.Note note) {
        return messages.getMessage(note.message(), Locale.forLanguageTag("nb"));
    }

    private Map<String, String> notes(DryRun run) {
        Map<String, String> byRow = new HashMap<>();
        run.notes().forEach(n -> byRow.merge(String.valueOf(n.row()), nb(n), (a, b) -> a + " | " + b));
        return byRow;
    }

    private static Mapping persons() {
        return new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "birthYear", "Fødselsår", "role", "Rolle",
                "department", "Avdeling", "from", "Fra", "email", "E-post"));
    }

    @Test
    void aCsvWithBomAndWindowsLineEndsIsDryRunRowByRowThenImportedOnceAndUndone() {
        String kari = "Kari Nordmann " + tag;
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);
        List<String> lines = new ArrayList<>();
        lines.add("Navn;Fødselsår;Rolle;Avdeling;Fra;E-post");
        for (int row = 2; row <= 24; row++) {
            String line = switch (row) {
                case 17 -> "Ola Gammel " + tag + ";1789;Deltaker;" + DEPARTMENT + ";01.01.2024;";
                case 18 -> "Per Dato " + tag + ";1980;Deltaker;" + DEPARTMENT + ";31.02.2024;";
                case 19 -> "Rolf Rolle " + tag + ";1980;Sjef;" + DEPARTMENT + ";01.01.2024;";
                case 20 -> "Anne Avdeling " + tag + ";1980;Deltaker;Finnes ikke;01.01.2024;";
                case 21 -> ";1980;Deltaker;" + DEPARTMENT + ";01.01.2024;";
                case 22 -> "Eva Epost " + tag + ";1980;Deltaker;" + DEPARTMENT + ";01.01.2024;ikke-en-adresse";
                case 23 -> kari + ";;Deltaker;" + DEPARTMENT + ";01.01.2024;";
                case 24 -> "Åse Ærlig " + tag + ";1975;Deltaker;" + DEPARTMENT + ";01.01.2024;";
                default -> "Person " + row + " " + tag + ";19" + (50 + row) + ";Deltaker;" + DEPARTMENT + ";01.01.2024;";
            };
            lines.add(line);
        }
        byte[] csv = bytes("\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        UUID file = UUID.randomUUID();
        Imports.Uploaded uploaded = asAdmin(() -> imports.upload(file, "personer.csv", csv));
        assertThat(uploaded.header()).containsExactly("Navn", "Fødselsår", "Rolle", "Avdeling", "Fra", "E-post");
        assertThat(uploaded.rows()).isEqualTo(23);
        assertThat(uploaded.guessedLatin1()).isFalse();

        DryRun run = asAdmin(() -> imports.dryRun(file, persons(), null, Map.of()));
        Map<String, String> notes = notes(run);
        assertThat(notes.get("17")).startsWith("fødselsår 1789 er ikke gyldig");
        assertThat(notes.get("18")).isEqualTo("fra dato 31.02.2024 er ikke gyldig: skriv datoen som 31.12.2024");
        assertThat(notes.get("19")).isEqualTo("rolle «Sjef» finnes ikke");
        assertThat(notes.get("20")).isEqualTo("avdeling «Finnes ikke» finnes ikke");
        assertThat(notes.get("21")).isEqualTo("navn mangler");
        assertThat(notes.get("22")).startsWith("e-post ikke-en-adresse er ikke gyldig");
        assertThat(notes.get("23")).isEqualTo(kari + " finnes to ganger – velg hvem");
        assertThat(run.choices()).singleElement().satisfies(c -> assertThat(c.candidates()).hasSize(2));
        // rows 2 to 16 and 24 are new: 16 persons; 7 refused
        assertThat(run.created()).isEqualTo(16);
        assertThat(run.refused()).isEqualTo(7);
        assertThat(run.rows()).isEqualTo(23);
        assertThat(messages.getMessage(run.notes().stream().filter(n -> n.row() == 23).findFirst().orElseThrow()
                .message(), Locale.ENGLISH)).isEqualTo(kari + " exists twice – choose which");

        // with refused rows the import writes nothing unless told to leave them out
        assertThatThrownBy(() -> asAdmin(() -> imports.run(file, persons(), null, Map.of(), false, p -> { })))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.run.refusedRows");
        assertThat(countNamed(tag)).isEqualTo(2);

        UUID chosen = run.choices().get(0).candidates().get(0).id();
        Imports.Result result = asAdmin(() -> imports.run(file, persons(), null, Map.of(23, chosen), true, p -> { }));
        assertThat(result.run().created()).isEqualTo(16);
        // the chosen Kari gets the role and membership from 1 January 2024 (she had them from today)
        assertThat(result.run().changed()).isEqualTo(1);
        assertThat(countNamed(tag)).isEqualTo(18);
        assertThat(countNamed("Åse Ærlig " + tag)).isEqualTo(1);
        assertThat((int) Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM audit_event WHERE action = 'IMPORT' AND what = ?""")
                .param("import.persons:" + result.batchId()).query(Integer.class).single()))).isEqualTo(17);

        // the same file again: refused as imported, nothing made twice
        assertThatThrownBy(() -> asAdmin(() -> imports.dryRun(file, persons(), null, Map.of())))
                .isInstanceOf(no.tilfrisk.platform.web.NotFoundException.class);
        UUID again = UUID.randomUUID();
        asAdmin(() -> imports.upload(again, "personer-igjen.csv", csv));
        DryRun second = asAdmin(() -> imports.dryRun(again, persons(), null, Map.of(23, chosen)));
        assertThat(second.alreadyImported()).isTrue();
        assertThat(second.created()).isZero();
        assertThatThrownBy(() -> asAdmin(() -> imports.run(again, persons(), null, Map.of(23, chosen), true, p -> { })))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.run.alreadyImported");
        assertThat(countNamed(tag)).isEqualTo(18);

        // undo: not after 24 hours, and within them everything goes
        ImportBatch batch = asAdmin(() -> imports.batch(result.batchId()));
        clock.standAt(batch.importedAt().plus(Duration.ofHours(25)));
        assertThatThrownBy(() -> asAdmin(() -> imports.undo(result.batchId())))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.undo.tooLate");
        clock.standAt(batch.importedAt().plus(Duration.ofHours(23)));
        asAdmin(() -> imports.undo(result.batchId()));
        assertThat(countNamed(tag)).isEqualTo(2);
        assertThatThrownBy(() -> asAdmin(() -> imports.undo(result.batchId())))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.undo.already");
        // undone, the file may be imported again
        assertThat(asAdmin(() -> imports.dryRun(again, persons(), null, Map.of(23, chosen))).created()).isEqualTo(16);
    }

    @Test
    void anXlsxOfAttendanceWithEveryKindOfWrongRowIsReportedAndTheRestImportedIdempotently() throws Exception {
        LocalDate from = LocalDate.of(2024, 1, 1);
        var open = activities.activity(DEMO_RECOVERY, DEPARTMENT, "Importkafé " + tag, true, from, null, List.of());
        var closed = activities.activity(DEMO_RECOVERY, DEPARTMENT, "Importkurs " + tag, false, from,
                LocalDate.of(2024, 6, 30), List.of());
        // the persons, members from 1 January 2024, through the import itself
        String kari = "Kari Nordmann " + tag;
        UUID personFile = UUID.randomUUID();
        String persons = "Navn;Fødselsår;Rolle;Avdeling;Fra;E-post\r\n"
                + "Ola " + tag + ";1980;Deltaker;" + DEPARTMENT + ";01.01.2024;\r\n"
                + "Per " + tag + ";1981;Deltaker;" + DEPARTMENT + ";01.01.2024;\r\n"
                + "Sen " + tag + ";1982;Deltaker;" + DEPARTMENT + ";01.06.2024;\r\n";
        asAdmin(() -> imports.upload(personFile, "p.csv", bytes(persons, StandardCharsets.UTF_8)));
        asAdmin(() -> imports.run(personFile, persons(), null, Map.of(), false, p -> { }));
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);

        Object[][] rows = {
                {"Aktivitet", "Dato", "Person", "Voksne", "Barn"},
                {open.name(), date(2024, 3, 5), "Ola " + tag, null, null},            // 2: new session, attendance
                {open.name(), date(2024, 3, 5), "per " + tag.toUpperCase() + " ", null, null}, // 3: case, spaces
                {open.name(), date(2024, 3, 5), null, 4, 2},                          // 4: head-counts
                {open.name(), "5.3.2024", "Ola " + tag, null, null},                  // 5: same pair again: skip
                {"Finnes ikke", date(2024, 3, 5), "Ola " + tag, null, null},          // 6: unknown activity
                {open.name(), "31.02.2024", "Ola " + tag, null, null},                // 7: bad date
                {closed.name(), date(2024, 8, 1), "Ola " + tag, null, null},          // 8: after the activity
                {open.name(), date(2024, 3, 5), "Ukjent " + tag, null, null},         // 9: unknown person
                {open.name(), date(2024, 3, 5), kari, null, null},                    // 10: two Karis
                {open.name(), date(2024, 3, 5), "Sen " + tag, null, null},            // 11: not a member yet
                {open.name(), date(2024, 3, 12), null, -1, null},                     // 12: negative
                {closed.name(), date(2024, 3, 12), null, 3, null},                    // 13: adults, not low-threshold
                {open.name(), date(2024, 3, 12), null, "2,5", null},                  // 14: not whole
                {open.name(), date(2024, 3, 12), null, null, null},                   // 15: nothing
                {open.name(), date(2024, 3, 12), null, "3,0", "1"},                   // 16: decimal comma, whole
        };
        byte[] xlsx = xlsx(rows);
        UUID file = UUID.randomUUID();
        Mapping mapping = new Mapping(ImportKind.ATTENDANCE, Map.of("activity", "Aktivitet", "date", "Dato",
                "person", "Person", "adults", "Voksne", "children", "Barn"));
        asAdmin(() -> imports.upload(file, "oppmøte.xlsx", xlsx));
        DryRun run = asAdmin(() -> imports.dryRun(file, mapping, null, Map.of()));
        Map<String, String> notes = notes(run);
        assertThat(notes.get("6")).isEqualTo("aktivitet «Finnes ikke» finnes ikke");
        assertThat(notes.get("7")).isEqualTo("dato 31.02.2024 er ikke gyldig: skriv datoen som 31.12.2024");
        assertThat(notes.get("8")).isEqualTo(closed.name() + " pågår ikke 01.08.2024");
        assertThat(notes.get("9")).isEqualTo("Fant ingen person som heter Ukjent " + tag);
        assertThat(notes.get("10")).isEqualTo(kari + " finnes to ganger – velg hvem");
        assertThat(notes.get("11")).isEqualTo(messages.getMessage("attendance.person.notMemberOnDate", null,
                Locale.forLanguageTag("nb")));
        assertThat(notes.get("12")).startsWith("voksne -1 er ikke gyldig");
        assertThat(notes.get("13")).isEqualTo(messages.getMessage("attendance.adults.notLowThreshold", null,
                Locale.forLanguageTag("nb")));
        assertThat(notes.get("14")).isEqualTo("voksne 2,5 er ikke gyldig: skriv et helt tall");
        assertThat(notes.get("15")).isEqualTo("raden har verken person eller antall");
        assertThat(run.refused()).isEqualTo(10);
        // rows 2, 3, 4 and 16 make sessions or attendance; row 5 is the same pair as row 2
        assertThat(run.created()).isEqualTo(4);
        assertThat(run.skipped()).isEqualTo(1);

        Imports.Result result = asAdmin(() -> imports.run(file, mapping, null, Map.of(), true, p -> { }));
        List<Map<String, Object>> sessions = sessionsOf(open.id());
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0)).containsEntry("date", java.sql.Date.valueOf("2024-03-05"))
                .containsEntry("adults", 4).containsEntry("children", 2).containsEntry("present", 2L);
        assertThat(sessions.get(1)).containsEntry("adults", 3).containsEntry("children", 1)
                .containsEntry("present", 0L);

        // another file with the same rows finds them all there: nothing twice
        UUID copy = UUID.randomUUID();
        rows[0][4] = "Barn";
        byte[] same = xlsx(java.util.Arrays.copyOf(rows, 5));
        asAdmin(() -> imports.upload(copy, "oppmøte-kopi.xlsx", same));
        DryRun again = asAdmin(() -> imports.dryRun(copy, mapping, null, Map.of()));
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        asAdmin(() -> imports.run(copy, mapping, null, Map.of(), true, p -> { }));
        assertThat(sessionsOf(open.id()).get(0)).containsEntry("present", 2L).containsEntry("adults", 4);

        asAdmin(() -> imports.undo(result.batchId()));
        assertThat(sessionsOf(open.id())).isEmpty();
    }

    @Test
    void filesThatCannotBeImportedAreRefusedWithAReasonAndLeaveNothing() {
        assertRefused("liste.xlsx", bytes("Navn;Fødselsår\r\nOla;1980\r\n", StandardCharsets.UTF_8), "import.file.notXlsx");
        assertRefused("stor.csv", new byte[Spreadsheets.MAX_BYTES + 1], "import.file.tooLarge");
        assertRefused("tom.csv", new byte[0], "import.file.empty");
        assertRefused("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}, "import.file.empty");
        assertRefused("overskrift.csv", bytes("Navn;Fødselsår\r\n", StandardCharsets.UTF_8), "import.file.noRows");
        assertRefused("gammel.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "import.file.oldExcel");
        byte[] zip = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertRefused("rar.xlsx", zip, "import.file.notXlsx");

        // Latin-1: detected, and the names read right
        UUID latin = UUID.randomUUID();
        Imports.Uploaded read = asAdmin(() -> imports.upload(latin, "latin.csv",
                bytes("Navn;Fødselsår\nÅse Ærlig;1970\n", java.nio.charset.Charset.forName("windows-1252"))));
        assertThat(read.guessedLatin1()).isTrue();
        assertThat(read.header()).containsExactly("Navn", "Fødselsår");

        // a column mapped twice, and a required field left out
        Mapping twice = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "fullName", "Navn"));
        assertThatThrownBy(() -> asAdmin(() -> imports.dryRun(latin, twice, null, Map.of())))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.mapping.twice");
        Mapping none = new Mapping(ImportKind.PERSONS, Map.of("birthYear", "Fødselsår"));
        assertThatThrownBy(() -> asAdmin(() -> imports.dryRun(latin, none, null, Map.of())))
                .isInstanceOf(ImportRefusal.class).satisfies(e -> assertThat(messages.getMessage(
                        ((ImportRefusal) e).messageKey(), ((ImportRefusal) e).args(), Locale.forLanguageTag("nb")))
                        .isEqualTo("Velg en kolonne for navn."));
    }

    private void assertRefused(String name, byte[] content, String key) {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> asAdmin(() -> imports.upload(id, name, content)))
                .isInstanceOf(ImportRefusal.class).hasMessage(key);
        assertThat((int) Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM import_file WHERE id = ?").param(id).query(Integer.class).single()))).isZero();
    }

    private List<Map<String, Object>> sessionsOf(UUID activity) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT s.date, s.adults, s.children,
                               (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS present
                          FROM activity_session s WHERE s.activity_id = ? ORDER BY s.date""")
                .param(activity).query().listOfRows()));
    }

    private int countNamed(String prefix) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM person WHERE display_name LIKE ? AND erased_at IS NULL")
                .param("%" + prefix + "%").query(Integer.class).single()));
    }

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private static byte[] bytes(String text, java.nio.charset.Charset charset) {
        return text.getBytes(charset);
    }

    /** A real workbook: dates as date cells, numbers as numbers, text as text. */
    static byte[] xlsx(Object[][] rows) throws Exception {
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

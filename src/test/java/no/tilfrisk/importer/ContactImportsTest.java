package no.tilfrisk.importer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import of contacts (a CSV with a byte-order mark and Windows line ends) and of tallies (a real XLSX): the dry
 * run's row messages in both languages, the counts made, skipped and refused, the contact's note encrypted as the
 * contact log encrypts it, the same rows twice making nothing twice, and the undo voiding what the import made.
 * Fixtures live in the department «Importavdeling» and are voided at the end of each test.
 */
@TilfriskTest
class ContactImportsTest {

    static final String DEPARTMENT = ImportsTest.DEPARTMENT;

    @Autowired
    Imports imports;
    @Autowired
    ContactLog contacts;
    @Autowired
    Departments departments;
    @Autowired
    People people;
    @Autowired
    MessageSource messages;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock.SettableClock clock;

    String tag;

    @BeforeEach
    void department() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        ImportsTest.ensureDepartment(departments, DEPARTMENT);
    }

    @AfterEach
    void release() {
        clock.release();
    }

    /** The demo admin, signed in: a contact names its staff member, the one who imported it. */
    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return People.as(accounts.loadUserByUsername(no.tilfrisk.Demo.ADMIN), work);
    }

    private Map<Integer, String> notes(DryRun run, Locale locale) {
        Map<Integer, String> byRow = new HashMap<>();
        run.notes().forEach(n -> byRow.merge(n.row(), messages.getMessage(n.message(), locale), (a, b) -> a + " | " + b));
        return byRow;
    }

    static final Locale NB = Locale.forLanguageTag("nb");

    static Mapping contactMapping() {
        return new Mapping(ImportKind.CONTACTS, Map.of("person", "Navn", "date", "Dato", "time", "Kl", "type", "Type",
                "escortKind", "Følge", "duration", "Minutter", "note", "Tema"));
    }

    @Test
    void aCsvOfContactsIsDryRunRowByRowImportedOnceWithItsNoteEncryptedAndUndone() {
        String ola = "Ola Samtale " + tag;
        String kari = "Kari Samtale " + tag;
        UUID olaId = people.register(DEMO_RECOVERY, DEPARTMENT, ola);
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);
        people.register(DEMO_RECOVERY, DEPARTMENT, kari);
        String csv = "\uFEFFNavn;Dato;Kl;Type;Følge;Minutter;Tema\r\n"
                + ola + ";05.03.2024;;1-1-samtale;;45;\r\n"                        // 2: made, at noon
                + ola.toUpperCase() + ";6.3.2024;18.30;Phone;;10;Bolig og økonomi " + tag + "\r\n" // 3: made, note
                + ola + ";05.03.2024;;ONE_TO_ONE;;;\r\n"                           // 4: same as row 2: skipped
                + ola + ";31.02.2024;;1-1-samtale;;;\r\n"                          // 5: no such date
                + ola + ";07.03.2024;;Kaffeprat;;;\r\n"                            // 6: no such kind
                + "Ukjent " + tag + ";07.03.2024;;Telefon;;;\r\n"                  // 7: nobody
                + kari + ";07.03.2024;;Telefon;;;\r\n"                             // 8: two of them
                + ola + ";07.03.2024;;Følge til møte;;;\r\n"                       // 9: an escort goes somewhere
                + ola + ";07.03.2024;;Telefon;;900;\r\n"                           // 10: too long
                + ola + ";01.01.2099;;Telefon;;;\r\n"                              // 11: in the future
                + ola + ";07.03.2024;25:00;Telefon;;;\r\n"                         // 12: no such time
                + ";07.03.2024;;Telefon;;;\r\n";                                   // 13: no person
        UUID file = UUID.randomUUID();
        asAdmin(() -> imports.upload(file, "kontakter.csv", csv.getBytes(StandardCharsets.UTF_8)));
        DryRun run = asAdmin(() -> imports.dryRun(file, contactMapping(), null, Map.of()));
        Map<Integer, String> nb = notes(run, NB);
        assertThat(nb.get(5)).isEqualTo("dato 31.02.2024 er ikke gyldig: skriv datoen som 31.12.2024");
        assertThat(nb.get(6)).isEqualTo("type kontakt «Kaffeprat» finnes ikke");
        assertThat(nb.get(7)).isEqualTo("Fant ingen person som heter Ukjent " + tag);
        assertThat(nb.get(8)).isEqualTo(kari + " finnes to ganger – velg hvem");
        assertThat(nb.get(9)).isEqualTo("hvor følget gikk: Velg hvor du fulgte deltakeren.");
        assertThat(nb.get(10)).isEqualTo("varighet (minutter) 900 er ikke gyldig: Varigheten må være mellom 1 og 720 minutter.");
        assertThat(nb.get(11)).isEqualTo("dato 01.01.2099 er ikke gyldig: Tidspunktet kan ikke være mer enn et døgn fram i tid.");
        assertThat(nb.get(12)).isEqualTo("klokkeslett 25:00 er ikke gyldig: skriv tiden som 18:00");
        assertThat(nb.get(13)).isEqualTo("person mangler");
        Map<Integer, String> en = notes(run, Locale.ENGLISH);
        assertThat(en.get(5)).isEqualTo("date 31.02.2024 is not valid: write the date as 31.12.2024");
        assertThat(en.get(8)).isEqualTo(kari + " exists twice – choose which");
        assertThat(run.created()).isEqualTo(2);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(run.refused()).isEqualTo(9);
        assertThat(run.choices()).singleElement().satisfies(c -> assertThat(c.candidates()).hasSize(2));

        // refused rows stop the import unless they are left out
        assertThatThrownBy(() -> asAdmin(() -> imports.run(file, contactMapping(), null, Map.of(), false, p -> { })))
                .isInstanceOf(ImportRefusal.class).hasMessage("import.run.refusedRows");
        assertThat(standing(olaId)).isZero();

        // choosing one of the two Karis makes her row a contact too
        UUID chosen = run.choices().get(0).candidates().get(0).id();
        Imports.Result result = asAdmin(() -> imports.run(file, contactMapping(), null, Map.of(8, chosen), true,
                p -> { }));
        assertThat(result.run().created()).isEqualTo(3);
        assertThat(standing(olaId)).isEqualTo(2);
        assertThat(standing(chosen)).isEqualTo(1);
        // the note is stored as the contact log stores it: encrypted, read back through the log
        List<Map<String, Object>> rows = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT id, note_encrypted, duration_minutes, type,
                               to_char(occurred_at AT TIME ZONE 'Europe/Oslo', 'DD.MM.YYYY HH24:MI') AS at
                          FROM contact WHERE person_id = ? ORDER BY occurred_at""")
                .param(olaId).query().listOfRows()));
        assertThat(rows.get(0)).containsEntry("at", "05.03.2024 12:00").containsEntry("duration_minutes", 45)
                .containsEntry("type", "ONE_TO_ONE");
        assertThat(rows.get(0).get("note_encrypted")).isNull();
        assertThat(rows.get(1)).containsEntry("at", "06.03.2024 18:30").containsEntry("type", "PHONE");
        assertThat(new String((byte[]) rows.get(1).get("note_encrypted"), StandardCharsets.ISO_8859_1))
                .doesNotContain(tag);
        assertThat(asAdmin(() -> contacts.get((UUID) rows.get(1).get("id"))).note())
                .isEqualTo("Bolig og økonomi " + tag);
        assertThat(audited("IMPORT", "import.contacts:" + result.batchId())).isEqualTo(3);

        // the same rows in another file: all there, nothing twice
        UUID again = UUID.randomUUID();
        asAdmin(() -> imports.upload(again, "kontakter-igjen.csv",
                csv.substring(0, csv.indexOf(ola + ";31.02")).getBytes(StandardCharsets.UTF_8)));
        DryRun second = asAdmin(() -> imports.dryRun(again, contactMapping(), null, Map.of()));
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(3);

        // undo voids what the import made, with the reason, and the rows may then be imported again
        asAdmin(() -> imports.undo(result.batchId()));
        assertThat(standing(olaId)).isZero();
        assertThat(standing(chosen)).isZero();
        assertThat(asAdmin(() -> contacts.get((UUID) rows.get(1).get("id"))).voidReason())
                .isEqualTo("Importen av kontakter.csv er angret.");
        assertThat(audited("IMPORT_UNDONE", "import.contacts:" + result.batchId())).isEqualTo(3);
        assertThat(asAdmin(() -> imports.dryRun(again, contactMapping(), null, Map.of())).created()).isEqualTo(2);
    }

    @Test
    void anXlsxOfTalliesIsCheckedByTheTalliesOwnRulesAndNeverCountsTwice() throws Exception {
        Object[][] rows = {
                {"Avdeling", "Type", "Fra", "Til", "Antall"},
                {DEPARTMENT, "Telefon", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), 37},  // 2: made
                {DEPARTMENT, "phone", "04.03.2024", "10.03.2024", "37"},                          // 3: the same: skipped
                {DEPARTMENT, "E-post", LocalDate.of(2024, 3, 4), null, 5},                          // 4: one day, made
                {"Finnes ikke " + tag, "Telefon", LocalDate.of(2024, 3, 4), null, 5},               // 5: no such department
                {DEPARTMENT, "Telefon", LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 17), 0},   // 6: count 0
                {DEPARTMENT, "Telefon", LocalDate.of(2024, 3, 17), LocalDate.of(2024, 3, 11), 3},   // 7: backwards
                {DEPARTMENT, "Brevdue", LocalDate.of(2024, 3, 11), null, 3},                        // 8: no such kind
                {DEPARTMENT, "Telefon", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), 40},   // 9: another count
                {DEPARTMENT, "Telefon", "2024-02-30", null, 3},                                     // 10: no such date
        };
        UUID file = UUID.randomUUID();
        byte[] xlsx = ImportsTest.xlsx(rows);
        asAdmin(() -> imports.upload(file, "opptellinger.xlsx", xlsx));
        Mapping mapping = new Mapping(ImportKind.TALLIES, Map.of("department", "Avdeling", "type", "Type",
                "from", "Fra", "to", "Til", "count", "Antall"));
        DryRun run = asAdmin(() -> imports.dryRun(file, mapping, null, Map.of()));
        Map<Integer, String> nb = notes(run, NB);
        assertThat(nb.get(5)).isEqualTo("avdeling «Finnes ikke " + tag + "» finnes ikke");
        assertThat(nb.get(6)).startsWith("antall 0 er ikke gyldig: ");
        assertThat(nb.get(7)).startsWith("til dato 11.03.2024 er ikke gyldig: ");
        assertThat(nb.get(8)).isEqualTo("type kontakt «Brevdue» finnes ikke");
        assertThat(nb.get(9)).isEqualTo("det finnes allerede en opptelling for samme avdeling, type og periode med "
                + "antall 37 – annuller den først");
        assertThat(nb.get(10)).isEqualTo("fra dato 2024-02-30 er ikke gyldig: skriv datoen som 31.12.2024");
        assertThat(notes(run, Locale.ENGLISH).get(8)).isEqualTo("kind of contact «Brevdue» does not exist");
        assertThat(run.created()).isEqualTo(2);
        assertThat(run.skipped()).isEqualTo(1);
        assertThat(run.refused()).isEqualTo(6);

        Imports.Result result = asAdmin(() -> imports.run(file, mapping, null, Map.of(), true, p -> { }));
        assertThat(talliesOf(result.batchId())).containsExactlyInAnyOrder("PHONE 2024-03-04 2024-03-10 37",
                "EMAIL 2024-03-04 2024-03-04 5");
        assertThat(audited("IMPORT", "import.tallies:" + result.batchId())).isEqualTo(1);

        // the same rows again make nothing; the other count is still refused
        UUID again = UUID.randomUUID();
        byte[] same = ImportsTest.xlsx(java.util.Arrays.copyOf(rows, 5));
        asAdmin(() -> imports.upload(again, "opptellinger-igjen.xlsx", same));
        DryRun second = asAdmin(() -> imports.dryRun(again, mapping, null, Map.of()));
        assertThat(second.created()).isZero();
        assertThat(second.skipped()).isEqualTo(3);

        asAdmin(() -> imports.undo(result.batchId()));
        assertThat(talliesOf(result.batchId())).isEmpty();
        assertThat(asAdmin(() -> imports.dryRun(again, mapping, null, Map.of())).created()).isEqualTo(2);
    }

    @Test
    void aContactFileWithoutItsRequiredColumnsIsRefusedAsAWhole() {
        UUID file = UUID.randomUUID();
        asAdmin(() -> imports.upload(file, "k.csv", "Navn;Dato\r\nOla;01.01.2024\r\n".getBytes(StandardCharsets.UTF_8)));
        Mapping noType = new Mapping(ImportKind.CONTACTS, Map.of("person", "Navn", "date", "Dato"));
        assertThatThrownBy(() -> asAdmin(() -> imports.dryRun(file, noType, null, Map.of())))
                .isInstanceOf(ImportRefusal.class).satisfies(e -> assertThat(messages.getMessage(
                        ((ImportRefusal) e).messageKey(), ((ImportRefusal) e).args(), NB))
                        .isEqualTo("Velg en kolonne for type kontakt."));
    }

    private int standing(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM contact WHERE person_id = ? AND voided_at IS NULL")
                .param(person).query(Integer.class).single()));
    }

    /** The standing tallies the batch made: type, period and count. */
    private List<String> talliesOf(UUID batch) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT t.type || ' ' || t.period_from || ' ' || t.period_to || ' ' || t.count FROM contact_tally t
                          JOIN import_item i ON i.ref = t.id AND i.batch_id = ?
                         WHERE t.voided_at IS NULL""")
                .param(batch).query(String.class).list()));
    }

    private int audited(String action, String what) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM audit_event WHERE action = ? AND what = ?")
                .params(action, what).query(Integer.class).single()));
    }
}

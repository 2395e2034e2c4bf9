package no.tilfrisk.importer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import by a coordinator (the demo's, of Skien only): persons and attendance into their own department work;
 * a row putting someone in another department, a new person with no department (whom they could not see), and
 * attendance in another department's activity are refused row by row, each told why, and nothing of them is
 * written. The fixtures are undone (persons erased) and the activities archived at the end.
 */
@TilfriskTest
class CoordinatorImportTest {

    static final String OWN = "Skien";
    static final String OTHER = ImportsTest.DEPARTMENT;

    @Autowired
    Imports imports;
    @Autowired
    Departments departments;
    @Autowired
    Activities activityService;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    private <T> T asCoordinator(java.util.function.Supplier<T> work) {
        UserDetails coordinator = accounts.loadUserByUsername("koordinator@demo.tilfrisk.no");
        return People.as(coordinator, work);
    }

    private Map<Integer, String> notes(DryRun run) {
        Map<Integer, String> byRow = new HashMap<>();
        run.notes().forEach(n -> byRow.merge(n.row(), messages.getMessage(n.message(), Locale.forLanguageTag("nb")),
                (a, b) -> a + " | " + b));
        return byRow;
    }

    @Test
    void aCoordinatorImportsIntoTheirOwnDepartmentAndIsRefusedRowByRowElsewhere() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ImportsTest.ensureDepartment(departments, OTHER);
        LocalDate from = LocalDate.of(2024, 1, 1);
        var own = activities.activity(DEMO_RECOVERY, OWN, "Koordinatorkafé " + tag, true, from, null, List.of());
        var other = activities.activity(DEMO_RECOVERY, OTHER, "Annen kafé " + tag, true, from, null, List.of());
        try {
            String persons = "Navn;Fødselsår;Rolle;Avdeling;Fra\r\n"
                    + "Koord Ola " + tag + ";1980;Deltaker;" + OWN + ";01.01.2024\r\n"      // 2: own department
                    + "Koord Per " + tag + ";1981;Deltaker;" + OTHER + ";01.01.2024\r\n"    // 3: another department
                    + "Koord Uten " + tag + ";1982;Deltaker;;01.01.2024\r\n";              // 4: no department
            UUID personFile = UUID.randomUUID();
            Mapping personMapping = new Mapping(ImportKind.PERSONS, Map.of("name", "Navn", "birthYear", "Fødselsår",
                    "role", "Rolle", "department", "Avdeling", "from", "Fra"));
            asCoordinator(() -> imports.upload(personFile, "koordinator.csv", persons.getBytes(StandardCharsets.UTF_8)));
            DryRun run = asCoordinator(() -> imports.dryRun(personFile, personMapping, null, Map.of()));
            assertThat(notes(run)).containsOnlyKeys(3, 4);
            assertThat(notes(run).get(3)).isEqualTo("avdeling «" + OTHER + "» er ikke en av dine avdelinger");
            assertThat(notes(run).get(4)).isEqualTo("en ny person må få en av dine avdelinger: du kan bare "
                    + "registrere personer i egne avdelinger");
            assertThat(run.created()).isEqualTo(1);
            assertThat(run.refused()).isEqualTo(2);
            Imports.Result persons1 = asCoordinator(() -> imports.run(personFile, personMapping, null, Map.of(), true,
                    p -> { }));
            assertThat(membershipsOf("Koord % " + tag)).containsExactly("Koord Ola " + tag + " " + OWN);

            String attendance = "Aktivitet;Dato;Person\r\n"
                    + own.name() + ";05.03.2024;Koord Ola " + tag + "\r\n"       // 2: own activity
                    + other.name() + ";05.03.2024;Koord Ola " + tag + "\r\n";    // 3: another department's
            UUID attendanceFile = UUID.randomUUID();
            Mapping attendanceMapping = new Mapping(ImportKind.ATTENDANCE, Map.of("activity", "Aktivitet",
                    "date", "Dato", "person", "Person"));
            asCoordinator(() -> imports.upload(attendanceFile, "oppmøte.csv", attendance.getBytes(StandardCharsets.UTF_8)));
            DryRun second = asCoordinator(() -> imports.dryRun(attendanceFile, attendanceMapping, null, Map.of()));
            assertThat(notes(second)).containsOnlyKeys(3);
            assertThat(notes(second).get(3)).isEqualTo("aktivitet «" + other.name()
                    + "» hører til en avdeling som ikke er din");
            assertThat(second.created()).isEqualTo(1);
            Imports.Result attended = asCoordinator(() -> imports.run(attendanceFile, attendanceMapping, null, Map.of(),
                    true, p -> { }));
            assertThat(present(own.id())).isEqualTo(1);
            assertThat(present(other.id())).isZero();

            asCoordinator(() -> imports.undo(attended.batchId()));
            asCoordinator(() -> imports.undo(persons1.batchId()));
            assertThat(membershipsOf("Koord % " + tag)).isEmpty();
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                activityService.archive(own.id());
                activityService.archive(other.id());
                return null;
            });
        }
    }

    private List<String> membershipsOf(String like) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT p.display_name || ' ' || d.name FROM person p
                          JOIN person_department pd ON pd.person_id = p.id JOIN department d ON d.id = pd.department_id
                         WHERE p.display_name LIKE ? AND p.erased_at IS NULL ORDER BY 1""")
                .param(like).query(String.class).list()));
    }

    private int present(UUID activity) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM attendance a JOIN activity_session s ON s.id = a.session_id
                         WHERE s.activity_id = ?""")
                .param(activity).query(Integer.class).single()));
    }
}

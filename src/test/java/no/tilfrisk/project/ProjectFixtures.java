package no.tilfrisk.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The project that the project pages' and the funder report's access matrices try: one linked activity with a
 * session that the participant attended, one linked participant, and beside them an activity and a person of the
 * same department that are not linked.
 */
@TestComponent
public class ProjectFixtures {

    /** {@code name} is the linked participant's; {@code activity2} and {@code person2} are the ones not linked. */
    public record LinkedProject(UUID organisation, UUID department, String name, UUID project, UUID activity,
                                UUID activity2, UUID person, UUID person2) {
    }

    private final Projects projects;
    private final People people;
    private final ActivityFixtures activities;
    private final JdbcClient db;
    private final TransactionTemplate tx;

    public ProjectFixtures(Projects projects, People people, ActivityFixtures activities, JdbcClient db,
                           TransactionTemplate tx) {
        this.projects = projects;
        this.people = people;
        this.activities = activities;
        this.db = db;
        this.tx = tx;
    }

    /** A project in the target's department with a fresh participant named {@code name}. */
    public LinkedProject linked(MatrixTarget target, String name, ProjectForm form) {
        UUID organisation = target.organisation();
        String department = target.department();
        LocalDate today = LocalDate.now(Dates.OSLO);
        UUID person = people.register(organisation, department, name);
        UUID person2 = people.register(organisation, department, name + " to");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID activity = activities.activity(organisation, department, "Aktivitet " + tag, false,
                today.minusDays(60), null, List.of()).id();
        UUID activity2 = activities.activity(organisation, department, "Aktivitet to " + tag, false,
                today.minusDays(60), null, List.of()).id();
        activities.attendance(organisation, activities.session(organisation, activity, today.minusDays(5)).id(),
                List.of(person), 0, 0, 0);
        return People.asSystem(organisation, () -> {
            form.setName("Prosjekt " + tag);
            UUID project = projects.create(UUID.randomUUID(), form);
            projects.linkActivity(project, activity);
            projects.linkParticipant(project, person);
            return new LinkedProject(organisation, people.department(department).id(), name, project, activity,
                    activity2, person, person2);
        });
    }

    /** Everything about the project that an endpoint could change: its name and time of change, its links. */
    public String state(UUID organisation, UUID project) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT concat_ws('/', name, updated_at) FROM project WHERE id = :project),
                               (SELECT string_agg(activity_id::text, ',' ORDER BY activity_id) FROM project_activity WHERE project_id = :project),
                               (SELECT string_agg(person_id::text, ',' ORDER BY person_id) FROM project_participant WHERE project_id = :project))""")
                .param("project", project).query(String.class).single()));
    }

    /** Whether the matrix account may see the persons of the target's department. */
    public static boolean seesPersons(String account, MatrixTarget target) {
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return sameOrganisation && (account.startsWith("admin@")
                || ((account.startsWith("koordinator@") || account.startsWith("ansatt@"))
                && target == MatrixTarget.OWN_DEPARTMENT));
    }
}

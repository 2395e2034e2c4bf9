package no.tilfrisk.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Activities, sessions and attendance made as the organisation's system admin, through the services. */
@TestComponent
public class ActivityFixtures {

    private final Activities activities;
    private final ActivitySessions sessions;
    private final AttendanceRollCall rollCall;
    private final People people;
    private final JdbcClient db;
    private final TransactionTemplate tx;

    public ActivityFixtures(Activities activities, ActivitySessions sessions, AttendanceRollCall rollCall, People people,
                            JdbcClient db, TransactionTemplate tx) {
        this.activities = activities;
        this.sessions = sessions;
        this.rollCall = rollCall;
        this.people = people;
        this.db = db;
        this.tx = tx;
    }

    public Activity activity(UUID organisation, String department, String name, boolean lowThreshold,
                             LocalDate from, LocalDate to, List<UUID> leaders) {
        return People.asSystem(organisation, () -> {
            ActivityForm form = new ActivityForm();
            form.setName(name);
            form.setFormat(ActivityFormat.GROUP);
            form.setKindId(activities.kinds().get(0).id());
            form.setDepartmentId(people.department(department).id());
            form.setStartDate(from);
            form.setEndDate(to);
            form.setLowThreshold(lowThreshold);
            form.setLeaderIds(leaders);
            return activities.create(UUID.randomUUID(), form);
        });
    }

    public ActivitySession session(UUID organisation, UUID activity, LocalDate date) {
        return People.asSystem(organisation, () -> {
            SessionForm form = new SessionForm();
            form.setDate(date);
            form.setStartTime(LocalTime.of(18, 0));
            form.setEndTime(LocalTime.of(20, 0));
            form.setPlace("Huset");
            return sessions.addOne(UUID.randomUUID(), activity, form);
        });
    }

    /**
     * Takes the attendance as a roll call would. The roll call names only members of the activity's department on
     * the session's date, and test persons join on the day they are registered: a membership in the department that
     * begins after the session's date is moved back to begin on it first. One that ended before it is left, and the
     * roll call refuses the person.
     */
    public void attendance(UUID organisation, UUID session, List<UUID> named, int adults, int children, int guests) {
        Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql("""
                        UPDATE person_department d SET from_date = s.date
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE s.id = ? AND d.department_id = a.department_id AND d.person_id = ANY(?)
                           AND d.from_date > s.date""")
                .params(session, named.toArray(UUID[]::new)).update()));
        People.asSystem(organisation, () -> rollCall.replace(session,
                new AttendanceRollCall.Attendance(named, adults, children, guests)));
    }

    public void cancel(UUID organisation, UUID session) {
        People.asSystem(organisation, () -> {
            sessions.cancel(session, "Sykdom");
            return null;
        });
    }

    public ActivityCounts counts(UUID organisation, UUID activity, LocalDate from, LocalDate to) {
        return People.asSystem(organisation, () -> activities.counts(activity, from, to));
    }

    public List<ActivityOverview> list(UUID organisation, String department, LocalDate from, LocalDate to) {
        return People.asSystem(organisation, () -> activities.list(people.department(department).id(), from, to));
    }
}

package no.tilfrisk.activity.internal;

import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.dashboard.Sitting;
import no.tilfrisk.dashboard.TodaySource;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;

/**
 * The sessions the user runs on the start page's «I dag», each with its roll call, and the groups a volunteer
 * leads. Which sessions is {@link ActivitySessions#toRun}'s rule; report readers and participants run none.
 */
@Component
class SessionsToday implements TodaySource {

    private final ActivitySessions sessions;
    private final Activities activities;

    SessionsToday(ActivitySessions sessions, Activities activities) {
        this.sessions = sessions;
        this.activities = activities;
    }

    @Override
    public List<Sitting> sessionsFor(TenantPrincipal user, LocalDate from, LocalDate to, int limit) {
        if (!runsSessions(user)) {
            return List.of();
        }
        return sessions.toRun(from, to, limit).stream().map(r -> new Sitting(r.session().date(),
                r.session().startTime(), r.session().endTime(), r.activityName(), r.session().place(),
                "/activities/" + r.activityId(),
                r.mayTakeRollCall() && !r.session().cancelled() ? "/sessions/" + r.session().id() : null,
                r.session().cancelled())).toList();
    }

    @Override
    public List<Group> groupsFor(TenantPrincipal user) {
        if (!runsSessions(user)) {
            return List.of();
        }
        return activities.led().stream().map(a -> new Group(a.name(), "/activities/" + a.id())).toList();
    }

    private static boolean runsSessions(TenantPrincipal user) {
        return user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF")
                || user.hasRole("VOLUNTEER");
    }
}

package no.tilfrisk.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * «Mine oppgaver»: what every module has for the user, soonest first. One transaction for all the modules, so the
 * rows they write in the audit trail are saved in one commit instead of one each (bench/RESULTS.md, follow-up).
 */
@Service
class MyTasks {

    /** Enough for a day's work; the modules' own pages have the rest. */
    static final int MAX_TASKS = 50;

    /** The user's tasks, and the moment before which none of them is new to the user (null: mark none). */
    record Listing(List<Task> tasks, Instant seen) {
    }

    private final List<TaskSource> sources;
    private final StartPageVisits visits;

    MyTasks(List<TaskSource> sources, StartPageVisits visits) {
        this.sources = sources;
        this.visits = visits;
    }

    @Transactional
    List<Task> of(TenantPrincipal user) {
        return sources.stream().flatMap(s -> s.tasksFor(user).stream())
                .sorted(Comparator.comparing(Task::due)).limit(MAX_TASKS).toList();
    }

    /**
     * The tasks, and this visit recorded (StartPageVisits) in the same transaction: one commit for the page. The
     * visit is recorded after the reading, so its row lock is held only for the commit.
     */
    @Transactional
    Listing visit(TenantPrincipal user) {
        List<Task> tasks = of(user);
        return new Listing(tasks, visits.visit(user.userId()));
    }
}

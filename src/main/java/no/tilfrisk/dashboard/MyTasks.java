package no.tilfrisk.dashboard;

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

    private final List<TaskSource> sources;

    MyTasks(List<TaskSource> sources) {
        this.sources = sources;
    }

    @Transactional
    List<Task> of(TenantPrincipal user) {
        return sources.stream().flatMap(s -> s.tasksFor(user).stream())
                .sorted(Comparator.comparing(Task::due)).limit(MAX_TASKS).toList();
    }
}

package no.tilfrisk.dashboard;

import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.platform.tenancy.TenantPrincipal;

/**
 * What a module adds to the start page's «I dag»: the sessions the user runs and the groups they lead. An
 * implementation is a bean; it returns nothing for roles that run nothing.
 */
public interface TodaySource {

    /** The sessions the user runs from {@code from} to {@code to}, soonest first, at most {@code limit}. */
    List<Sitting> sessionsFor(TenantPrincipal user, LocalDate from, LocalDate to, int limit);

    /** The groups the user leads (on a volunteer's start page), by name. */
    List<Group> groupsFor(TenantPrincipal user);

    /** A group the user leads and the address of its page. */
    record Group(String name, String href) {
    }
}

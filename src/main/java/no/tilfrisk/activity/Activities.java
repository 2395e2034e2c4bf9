package no.tilfrisk.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups and events of an organisation's departments: their description, and their figures for a period by
 * the counting rules of {@link ActivityCounts}. Activities hold no personal data; named attendance lives with
 * {@link AttendanceRollCall}. This service checks rights and input; {@link ActivityRecords} holds the SQL.
 */
@Service
public class Activities {

    private final ActivityRecords records;
    private final Departments departments;
    private final UserAccounts users;
    private final Clock clock;

    Activities(ActivityRecords records, Departments departments, UserAccounts users, Clock clock) {
        this.records = records;
        this.departments = departments;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The activities of one department (or of every department the caller sees) that ran in the period, with
     * their figures for it. Archived activities are left out.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<ActivityOverview> list(UUID departmentId, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        Map<UUID, String> departmentNames = departmentNames();
        if (departmentId != null && !departmentNames.containsKey(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] visible = ActivityAccess.visibleDepartments();
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : visible;
        return records.overviews(scope, from, to, departmentNames);
    }

    /** One activity's figures for a period. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public ActivityCounts counts(UUID id, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        Activity activity = get(id);
        return records.counts(activity.id(), from, to);
    }

    /**
     * These activities (of the caller's organisation, archived ones too) with their figures for the period, in the
     * order of their names: for a report over a chosen set, such as a project's. Figures only; whoever reads the
     * report may read them, whatever department the activity belongs to.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<ActivityOverview> overviewsOf(Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (activityIds.isEmpty()) {
            return List.of();
        }
        return records.overviewsOf(activityIds, from, to, departmentNames());
    }

    /**
     * The distinct named persons who attended a session (not cancelled) of any of these activities in the period:
     * for figures over several activities at once, such as a project's reach. Ids only, for counting; the caller
     * shows no one from it. Activities of another organisation are left out.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public Set<UUID> namedAttendees(Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (activityIds.isEmpty()) {
            return Set.of();
        }
        return records.namedAttendees(activityIds, from, to);
    }

    /**
     * Per month of the period, the distinct named persons who attended any session (not cancelled) of the
     * department's activities (null: every department the caller sees). Months without anyone are 0.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public SortedMap<YearMonth, Long> uniqueNamedPerMonth(UUID departmentId, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : ActivityAccess.visibleDepartments();
        SortedMap<YearMonth, Long> out = new TreeMap<>();
        for (var m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            out.put(m, 0L);
        }
        records.countUniqueNamedPerMonth(scope, from, to, out);
        return out;
    }

    /** An activity the caller may see: in a department of theirs, or one they lead. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public Activity get(UUID id) {
        Activity activity = records.find(id);
        if (!ActivityAccess.maySeeCounts(activity.departmentId())
                && !activity.leaderIds().contains(ActivityAccess.caller().userId())) {
            throw new NotFoundException("Activity");
        }
        return activity;
    }

    /** The activities the caller leads, current or coming. */
    @Transactional(readOnly = true)
    public List<Activity> led() {
        return records.ledBy(ActivityAccess.caller().userId(), LocalDate.now(clock));
    }

    /**
     * Creates an activity under the id the caller chose (the form carries it), so a form sent twice creates one:
     * the second call finds the id taken and returns the first.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Activity create(UUID id, ActivityForm form) {
        if (records.exists(id)) {
            return get(id);
        }
        check(form);
        records.insert(id, form);
        return records.find(id);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Activity update(UUID id, ActivityForm form) {
        Activity before = manageable(id);
        check(form);
        LocalDate outside = records.firstSessionOutside(id, form.getStartDate(), form.getEndDate()).orElse(null);
        if (outside != null) {
            throw new InvalidInputException(outside.isBefore(form.getStartDate()) ? "startDate" : "endDate",
                    "activity.period.excludesSessions");
        }
        if (before.lowThreshold() && !form.isLowThreshold() && records.adultsCounted(id)) {
            throw new InvalidInputException("lowThreshold", "activity.lowThreshold.adultsCounted");
        }
        records.update(before.id(), form);
        return records.find(id);
    }

    /** The activity the caller may archive, for the question before it is archived. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public Activity toArchive(UUID id) {
        return manageable(id);
    }

    /** Brings an archived activity back into the lists (the undo of {@link #archive}). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void unarchive(UUID id) {
        manageable(id);
        records.unarchive(id);
    }

    /** Takes the activity out of lists; its sessions and attendance stay in the figures of their periods. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void archive(UUID id) {
        manageable(id);
        records.archive(id);
    }

    /** The organisation's kinds, the built-in ones first; an organisation starts with the built-in list. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional
    public List<ActivityKind> kinds() {
        List<ActivityKind> kinds = records.kinds();
        if (kinds.stream().anyMatch(k -> k.code() != null)) {
            return kinds;
        }
        records.addBuiltInKinds();
        return records.kinds();
    }

    /** Adds a kind of the organisation's own; a name already there returns that kind. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public ActivityKind addKind(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("name", "activityKind.name.invalid");
        }
        return records.kindNamed(clean);
    }

    /**
     * Partner names used before in the organisation, to choose from. Here rather than only in {@link ActivityRecords}
     * because the controllers in {@code internal/} ask for it; it holds no rights of its own (names of organisations,
     * not of persons) and runs in a read-only transaction for the tenant.
     */
    @Transactional(readOnly = true)
    public List<String> knownPartners() {
        return records.knownPartners();
    }

    /** The departments the caller may make and change activities in; empty for those who only read or lead. */
    @Transactional(readOnly = true)
    public List<Department> departmentsToManage() {
        return departments.list().stream().filter(d -> ActivityAccess.mayManage(d.id())).toList();
    }

    /** The same, for the pages that make something new: refused (403) to a caller with no such department. */
    @Transactional(readOnly = true)
    public List<Department> departmentsToCreateIn() {
        List<Department> mine = departmentsToManage();
        if (mine.isEmpty()) {
            throw new AccessDeniedException("No department to create activities in");
        }
        return mine;
    }

    /** The activity to edit: «not found» where the caller may not see it, refused where they may see but not change it. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public Activity forChange(UUID id) {
        Activity activity = get(id);
        if (!ActivityAccess.mayManage(activity.departmentId())) {
            throw new AccessDeniedException("Not this department's manager");
        }
        return activity;
    }

    /** An activity the caller may change: «not found» outside their departments. */
    Activity manageable(UUID id) {
        Activity activity = records.find(id);
        if (!ActivityAccess.mayManage(activity.departmentId())) {
            throw new NotFoundException("Activity");
        }
        return activity;
    }

    private void check(ActivityForm form) {
        if (!ActivityAccess.mayManage(form.getDepartmentId())
                || departments.list().stream().map(Department::id).noneMatch(form.getDepartmentId()::equals)) {
            throw new InvalidInputException("departmentId", "activity.department.denied");
        }
        if (form.getEndDate() != null && form.getEndDate().isBefore(form.getStartDate())) {
            throw new InvalidInputException("endDate", "activity.endDate.beforeStart");
        }
        if (!records.isOurKind(form.getKindId())) {
            throw new InvalidInputException("kindId", "activity.kind.required");
        }
        List<UUID> leaders = form.getLeaderIds() == null ? List.of() : form.getLeaderIds();
        if (!users.possibleLeaders().keySet().containsAll(leaders)) {
            throw new InvalidInputException("leaderIds", "activity.leaders.unknown");
        }
    }

    private Map<UUID, String> departmentNames() {
        Map<UUID, String> names = new HashMap<>();
        departments.list().forEach(d -> names.put(d.id(), d.name()));
        return names;
    }
}

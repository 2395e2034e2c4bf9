package no.tilfrisk.project;

import static no.tilfrisk.platform.Text.blankToNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's funded projects, their activities and participants.
 * <p>
 * Rights: admins and coordinators keep projects (any of the organisation's; a project spans departments). They link
 * only activities and persons they may see themselves (a coordinator: of their own departments), and see only those
 * of the linked participants. Report readers read a project's description for its report, never its participants.
 * Linking and listing participants is personal data and audited; the project itself names no one.
 * <p>
 * This service checks rights and the form, and audits; {@link ProjectRecords} holds the SQL.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class Projects {

    /** The earliest and latest dates a project can have: anything outside is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    static final int MAX_GOALS = 30;
    static final int MAX_GOAL_LENGTH = 500;
    /** Grants as NOK: at most 1 000 000 000 kroner a year. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private final ProjectRecords records;
    private final Activities activities;
    private final PersonLookup persons;
    private final AuditTrail audit;

    Projects(ProjectRecords records, Activities activities, PersonLookup persons, AuditTrail audit) {
        this.records = records;
        this.activities = activities;
        this.persons = persons;
        this.audit = audit;
    }

    /** The organisation's projects, newest start first. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<Project> list() {
        return records.list();
    }

    /** One project of the caller's organisation; another organisation's id is «not found». */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public Project get(UUID id) {
        return records.find(id).orElseThrow(() -> new NotFoundException("Project"));
    }

    /**
     * Creates a project under the id the form carried, so a double submit or a retried request creates one. An id
     * already used in this organisation returns that project unchanged; one another organisation holds is «not found».
     */
    @Transactional
    public UUID create(UUID id, ProjectForm form) {
        if (records.exists(id)) {
            return id;
        }
        if (!records.insert(id, check(form), me()) && !records.exists(id)) {
            throw new NotFoundException("Project");
        }
        return id;
    }

    @Transactional
    public void update(UUID id, ProjectForm form) {
        get(id);
        records.update(id, check(form), me());
    }

    /** Deletes a project with its links (not the activities or persons). Admins only: a report may rest on it. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void delete(UUID id) {
        get(id);
        List<UUID> linked = records.delete(id);
        audit.recordEach(linked, AuditAction.UPDATE, "project.participant.removed");
    }

    // ---------------------------------------------------------------- links

    /** The ids of every activity linked to the project (activities hold no personal data). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<UUID> activityIds(UUID projectId) {
        get(projectId);
        return records.activityIds(projectId);
    }

    /**
     * The ids of every participant linked to the project, whoever may see them: for figures (counts) only, never to
     * show. Reports count them and show no one.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public Set<UUID> participantIds(UUID projectId) {
        get(projectId);
        return new HashSet<>(records.participantIds(projectId));
    }

    /** The linked participants the caller may see, by name (audited as a list); the others are only counted. */
    @Transactional
    public List<PersonName> participants(UUID projectId) {
        Set<UUID> all = participantIds(projectId);
        Set<UUID> visible = persons.visiblePersonIds();
        List<UUID> shown = all.stream().filter(visible::contains).toList();
        List<PersonName> names = new ArrayList<>(persons.names(shown).values());
        names.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        audit.recordEach(names.stream().map(PersonName::id).toList(), AuditAction.LIST, "project.participant.list");
        return names;
    }

    /** How many linked participants the caller cannot see (of other departments). */
    @Transactional(readOnly = true)
    public long hiddenParticipants(UUID projectId) {
        Set<UUID> all = participantIds(projectId);
        Set<UUID> visible = persons.visiblePersonIds();
        return all.stream().filter(id -> !visible.contains(id)).count();
    }

    /**
     * The linked activities the caller may see: an admin all, a coordinator those of their departments (the others
     * are counted in the report, not listed here).
     */
    @Transactional(readOnly = true)
    public List<Activity> activities(UUID projectId) {
        Project project = get(projectId);
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        return activities.overviewsOf(activityIds(projectId), project.startsOn(), project.endsOn()).stream()
                .map(o -> o.activity())
                .filter(a -> caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(a.departmentId()))
                .toList();
    }

    /** Links an activity the caller may see; linking it again changes nothing. */
    @Transactional
    public void linkActivity(UUID projectId, UUID activityId) {
        get(projectId);
        Activity a = visibleActivity(activityId);
        records.linkActivity(projectId, a.id());
    }

    @Transactional
    public void unlinkActivity(UUID projectId, UUID activityId) {
        get(projectId);
        Activity a = visibleActivity(activityId);
        records.unlinkActivity(projectId, a.id());
    }

    /** Links a person the caller may see as a participant of the project; linking them again changes nothing. */
    @Transactional
    public void linkParticipant(UUID projectId, UUID personId) {
        get(projectId);
        persons.requireVisible(personId);
        if (records.linkParticipant(projectId, personId, me())) {
            audit.record(personId, AuditAction.UPDATE, "project.participant.added");
        }
    }

    @Transactional
    public void unlinkParticipant(UUID projectId, UUID personId) {
        get(projectId);
        persons.requireVisible(personId);
        if (records.unlinkParticipant(projectId, personId)) {
            audit.record(personId, AuditAction.UPDATE, "project.participant.removed");
        }
    }

    private Activity visibleActivity(UUID activityId) {
        try {
            return activities.get(activityId);
        } catch (AccessDeniedException e) {
            throw new NotFoundException("Activity");
        }
    }

    // ---------------------------------------------------------------- checks

    /** The form's values as stored (trimmed, blanks as null, goals one per line, grants in øre), or every error. */
    private static ProjectRecords.Values check(ProjectForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        String name = blankToNull(form.getName());
        String funder = blankToNull(form.getFunder());
        if (name == null) {
            broken.add(new InvalidInputException("name", "project.name.required"));
        }
        if (funder == null) {
            broken.add(new InvalidInputException("funder", "project.funder.required"));
        }
        LocalDate starts = form.getStartsOn();
        LocalDate ends = form.getEndsOn();
        if (starts == null) {
            broken.add(new InvalidInputException("startsOn", "project.startsOn.required"));
        } else if (starts.isBefore(EARLIEST) || starts.isAfter(LATEST)) {
            broken.add(new InvalidInputException("startsOn", "project.date.range"));
        }
        if (ends == null) {
            broken.add(new InvalidInputException("endsOn", "project.endsOn.required"));
        } else if (ends.isBefore(EARLIEST) || ends.isAfter(LATEST)) {
            broken.add(new InvalidInputException("endsOn", "project.date.range"));
        } else if (starts != null && ends.isBefore(starts)) {
            broken.add(new InvalidInputException("endsOn", "project.endsOn.order"));
        }
        if (form.getPlannedReach() != null && (form.getPlannedReach() < 0 || form.getPlannedReach() > 1_000_000)) {
            broken.add(new InvalidInputException("plannedReach", "project.plannedReach.range"));
        }
        if (form.getGoalTargetPercent() != null && (form.getGoalTargetPercent() < 1 || form.getGoalTargetPercent() > 100)) {
            broken.add(new InvalidInputException("goalTargetPercent", "project.goalTargetPercent.range"));
        }
        List<String> goals = form.getGoals() == null ? List.of()
                : Arrays.stream(form.getGoals().split("\\R")).map(String::strip)
                        .map(g -> g.replaceFirst("^[-*•–]\\s*", "")).filter(g -> !g.isEmpty()).toList();
        if (goals.size() > MAX_GOALS) {
            broken.add(new InvalidInputException("goals", "project.goals.count"));
        }
        if (goals.stream().anyMatch(g -> g.length() > MAX_GOAL_LENGTH)) {
            broken.add(new InvalidInputException("goals", "project.goals.length"));
        }
        List<Project.Grant> grants = new ArrayList<>();
        Set<Integer> years = new LinkedHashSet<>();
        List<ProjectForm.GrantLine> lines = form.getGrants() == null ? List.of() : form.getGrants();
        for (int i = 0; i < lines.size(); i++) {
            ProjectForm.GrantLine line = lines.get(i);
            if (line == null || line.blank()) {
                continue;
            }
            String field = "grants[" + i + "]";
            if (line.getYear() == null) {
                broken.add(new InvalidInputException(field + ".year", "project.grant.year.required"));
            } else if (line.getYear() < 2000 || line.getYear() > 2100) {
                broken.add(new InvalidInputException(field + ".year", "project.grant.year.range"));
            } else if (!years.add(line.getYear())) {
                broken.add(new InvalidInputException(field + ".year", "project.grant.year.twice"));
            }
            BigDecimal amount = line.getAmount();
            if (amount == null) {
                broken.add(new InvalidInputException(field + ".amount", "project.grant.amount.required"));
            } else if (amount.signum() < 0) {
                broken.add(new InvalidInputException(field + ".amount", "project.grant.amount.negative"));
            } else if (amount.compareTo(MAX_AMOUNT) > 0) {
                broken.add(new InvalidInputException(field + ".amount", "project.grant.amount.large"));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                broken.add(new InvalidInputException(field + ".amount", "project.grant.amount.ore"));
            } else if (line.getYear() != null) {
                grants.add(new Project.Grant(line.getYear(), amount.movePointRight(2).longValueExact()));
            }
        }
        InvalidInputException.throwIfAny(broken);
        return new ProjectRecords.Values(name, funder, blankToNull(form.getProgramme()),
                blankToNull(form.getProjectLead()), starts, ends, blankToNull(form.getTargetGroup()),
                form.getPlannedReach(), form.getGoalTargetPercent(), goals, grants, blankToNull(form.getBackgroundMd()),
                blankToNull(form.getMethodMd()), blankToNull(form.getResultsMd()), blankToNull(form.getSummaryMd()));
    }

    /**
     * Refuses (403) a caller who does not keep projects. The project pages and API ask this first: they show what
     * {@link #get} and {@link #activityIds} also give a report reader, who reads them only through the funder report.
     */
    public void requireKeeper() {
        if (!mayKeep()) {
            throw new AccessDeniedException("Projects are kept by admins and coordinators");
        }
    }

    /** Whether the caller keeps projects (admins and coordinators); report readers only read reports. */
    public static boolean mayKeep() {
        return Tenancy.currentPrincipal().map(p -> p.hasRole("ORG_ADMIN") || p.hasRole("COORDINATOR")).orElse(false);
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}

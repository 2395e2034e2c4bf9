package no.tilfrisk.project;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The project tables (projects, their grants, linked activities and participants), read and written without rights
 * checks or audit: {@link Projects} does those. Every statement stays inside the caller's organisation.
 */
@Component
class ProjectRecords {

    private static final String COLUMNS = """
            SELECT p.id, p.name, p.funder, p.programme, p.project_lead, p.starts_on, p.ends_on, p.target_group,
                   p.planned_reach, p.goal_target_percent, p.goals, p.background_md, p.method_md, p.results_md, p.summary_md
              FROM project p
            """;

    /** A project's values as stored: trimmed, blanks as null, goals one a line, grants in øre. */
    record Values(String name, String funder, String programme, String projectLead, LocalDate startsOn,
                  LocalDate endsOn, String targetGroup, Integer plannedReach, Integer goalTargetPercent, List<String> goals,
                  List<Project.Grant> grants, String backgroundMd, String methodMd, String resultsMd,
                  String summaryMd) {
    }

    private final JdbcClient db;

    ProjectRecords(JdbcClient db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- projects

    /** The organisation's projects with their grants, newest start first. */
    List<Project> list() {
        List<Project> rows = db.sql(COLUMNS + " WHERE p.organisation_id = ? ORDER BY p.starts_on DESC, lower(p.name), p.id")
                .param(Tenancy.requireOrganisationId()).query(ProjectRecords::row).list();
        Map<UUID, List<Project.Grant>> grants = grants(rows.stream().map(Project::id).toList());
        return rows.stream().map(p -> withGrants(p, grants.getOrDefault(p.id(), List.of()))).toList();
    }

    /** The organisation's project with this id, with its grants. */
    Optional<Project> find(UUID id) {
        return db.sql(COLUMNS + " WHERE p.id = ? AND p.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(ProjectRecords::row).optional()
                .map(p -> withGrants(p, grants(List.of(id)).getOrDefault(id, List.of())));
    }

    boolean exists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM project WHERE id = ? AND organisation_id = ?)")
                .params(id, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    /** Inserts the project with its grants; false (and nothing written) if the id is taken, in any organisation. */
    boolean insert(UUID id, Values v, UUID by) {
        int inserted = db.sql("""
                        INSERT INTO project (id, organisation_id, name, funder, programme, project_lead, starts_on, ends_on,
                                             target_group, planned_reach, goal_target_percent, goals, background_md, method_md,
                                             results_md, summary_md, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), v.name(), v.funder(), v.programme(), v.projectLead(),
                        v.startsOn(), v.endsOn(), v.targetGroup(), v.plannedReach(), v.goalTargetPercent(),
                        v.goals().toArray(String[]::new), v.backgroundMd(), v.methodMd(), v.resultsMd(), v.summaryMd(), by, by)
                .update();
        if (inserted == 0) {
            return false;
        }
        insertGrants(id, v.grants());
        return true;
    }

    /** Writes the values over the project, its grants replaced. */
    void update(UUID id, Values v, UUID by) {
        db.sql("""
                        UPDATE project SET name = ?, funder = ?, programme = ?, project_lead = ?, starts_on = ?, ends_on = ?,
                               target_group = ?, planned_reach = ?, goal_target_percent = ?, goals = ?, background_md = ?, method_md = ?,
                               results_md = ?, summary_md = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(v.name(), v.funder(), v.programme(), v.projectLead(), v.startsOn(), v.endsOn(),
                        v.targetGroup(), v.plannedReach(), v.goalTargetPercent(), v.goals().toArray(String[]::new), v.backgroundMd(),
                        v.methodMd(), v.resultsMd(), v.summaryMd(), by, id, Tenancy.requireOrganisationId())
                .update();
        db.sql("DELETE FROM project_grant WHERE project_id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).update();
        insertGrants(id, v.grants());
    }

    /** Deletes the project with its grants and links; returns the participants that were linked. */
    List<UUID> delete(UUID id) {
        UUID org = Tenancy.requireOrganisationId();
        List<UUID> linked = db.sql("SELECT person_id FROM project_participant WHERE project_id = ? AND organisation_id = ?")
                .params(id, org).query(UUID.class).list();
        db.sql("DELETE FROM project WHERE id = ? AND organisation_id = ?").params(id, org).update();
        return linked;
    }

    private void insertGrants(UUID id, List<Project.Grant> grants) {
        for (Project.Grant g : grants) {
            db.sql("INSERT INTO project_grant (project_id, organisation_id, year, amount_ore) VALUES (?, ?, ?, ?)")
                    .params(id, Tenancy.requireOrganisationId(), g.year(), g.amountOre()).update();
        }
    }

    private Map<UUID, List<Project.Grant>> grants(List<UUID> ids) {
        Map<UUID, List<Project.Grant>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        db.sql("SELECT project_id, year, amount_ore FROM project_grant WHERE project_id = ANY(?) AND organisation_id = ? ORDER BY year")
                .params(ids.toArray(UUID[]::new), Tenancy.requireOrganisationId())
                .query((rs, i) -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Project.Grant(rs.getInt(2), rs.getLong(3)));
                    return null;
                }).list();
        return out;
    }

    // ---------------------------------------------------------------- links

    /** The ids of the activities linked to the project, in id order. */
    List<UUID> activityIds(UUID projectId) {
        return db.sql("SELECT activity_id FROM project_activity WHERE project_id = ? AND organisation_id = ? ORDER BY activity_id")
                .params(projectId, Tenancy.requireOrganisationId()).query(UUID.class).list();
    }

    /** The ids of the persons linked to the project as participants. */
    List<UUID> participantIds(UUID projectId) {
        return db.sql("SELECT person_id FROM project_participant WHERE project_id = ? AND organisation_id = ?")
                .params(projectId, Tenancy.requireOrganisationId()).query(UUID.class).list();
    }

    void linkActivity(UUID projectId, UUID activityId) {
        db.sql("""
                        INSERT INTO project_activity (project_id, activity_id, organisation_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(projectId, activityId, Tenancy.requireOrganisationId()).update();
    }

    void unlinkActivity(UUID projectId, UUID activityId) {
        db.sql("DELETE FROM project_activity WHERE project_id = ? AND activity_id = ? AND organisation_id = ?")
                .params(projectId, activityId, Tenancy.requireOrganisationId()).update();
    }

    /** Links the person; false if they were linked already. */
    boolean linkParticipant(UUID projectId, UUID personId, UUID by) {
        return db.sql("""
                        INSERT INTO project_participant (project_id, person_id, organisation_id, added_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(projectId, personId, Tenancy.requireOrganisationId(), by).update() > 0;
    }

    /** Unlinks the person; false if they were not linked. */
    boolean unlinkParticipant(UUID projectId, UUID personId) {
        return db.sql("DELETE FROM project_participant WHERE project_id = ? AND person_id = ? AND organisation_id = ?")
                .params(projectId, personId, Tenancy.requireOrganisationId()).update() > 0;
    }

    // ---------------------------------------------------------------- rows

    private static Project withGrants(Project p, List<Project.Grant> grants) {
        return new Project(p.id(), p.name(), p.funder(), p.programme(), p.projectLead(), p.startsOn(), p.endsOn(),
                p.targetGroup(), p.plannedReach(), p.goalTargetPercent(), p.goals(), grants, p.backgroundMd(), p.methodMd(), p.resultsMd(),
                p.summaryMd());
    }

    private static Project row(ResultSet rs, int i) throws SQLException {
        Array goals = rs.getArray("goals");
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("funder"),
                rs.getString("programme"), rs.getString("project_lead"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getString("target_group"),
                rs.getObject("planned_reach", Integer.class), rs.getObject("goal_target_percent", Integer.class),
                goals == null ? List.of() : Arrays.asList((String[]) goals.getArray()), List.of(),
                rs.getString("background_md"), rs.getString("method_md"), rs.getString("results_md"),
                rs.getString("summary_md"));
    }
}

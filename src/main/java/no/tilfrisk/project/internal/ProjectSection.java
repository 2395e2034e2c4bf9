package no.tilfrisk.project.internal;

import java.time.Instant;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funded projects the person is counted in, in their export. Read in the export's transaction, with the export's
 * check that the caller may see the person.
 */
@Configuration(proxyBeanMethods = false)
class ProjectSection {

    record Participation(String project, String funder, Instant addedAt) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final AuditTrail audit;

    ProjectSection(JdbcClient db, PersonLookup persons, AuditTrail audit) {
        this.db = db;
        this.persons = persons;
        this.audit = audit;
    }

    @Bean
    @Order(60)
    PersonDataSection projectsInTheExport() {
        return new PersonDataSection("projects", this::read, "project/export :: projects");
    }

    private Object read(UUID personId) {
        persons.requireVisible(personId);
        var projects = db.sql("""
                        SELECT p.name AS project, p.funder, pp.added_at
                          FROM project_participant pp JOIN project p ON p.id = pp.project_id
                         WHERE pp.person_id = ? AND pp.organisation_id = ? ORDER BY pp.added_at, p.name""")
                .params(personId, Tenancy.requireOrganisationId()).query(Participation.class).list();
        audit.record(personId, AuditAction.READ, "project.participation");
        return projects;
    }
}

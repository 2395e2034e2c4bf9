package no.tilfrisk.portal.internal;

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
 * The invitations to «Min side» sent to the person, in their export: to which address, when, and what became of
 * them (never the link). Read in the export's transaction, with the export's check that the caller may see the person.
 */
@Configuration(proxyBeanMethods = false)
class InvitationSection {

    record SentInvitation(String email, Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final AuditTrail audit;

    InvitationSection(JdbcClient db, PersonLookup persons, AuditTrail audit) {
        this.db = db;
        this.persons = persons;
        this.audit = audit;
    }

    @Bean
    @Order(50)
    PersonDataSection invitationsInTheExport() {
        return new PersonDataSection("invitations", this::read, "portal/export :: invitations");
    }

    private Object read(UUID personId) {
        persons.requireVisible(personId);
        var sent = db.sql("""
                        SELECT email, created_at, expires_at, accepted_at, revoked_at FROM portal_invitation
                         WHERE person_id = ? AND organisation_id = ? ORDER BY created_at""")
                .params(personId, Tenancy.requireOrganisationId()).query(SentInvitation.class).list();
        audit.record(personId, AuditAction.READ, "portal.invitations");
        return sent;
    }
}

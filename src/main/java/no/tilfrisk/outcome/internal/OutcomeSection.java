package no.tilfrisk.outcome.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person's measurements in their export: each response with its answers and score, and the answers they have
 * begun on «Min side» and not yet sent.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeSection {

    /** Answers begun and not sent: {@code answers} as stored, item by item. */
    record Draft(String instrumentId, int instrumentVersion, String answers, Instant updatedAt) {
    }

    record OutcomeData(List<Response> responses, List<Draft> drafts) {
    }

    @Bean
    @Order(30)
    PersonDataSection outcomesInTheExport(Outcomes outcomes, JdbcClient db) {
        // the responses first: Outcomes.ofPerson checks that the caller may reach the person and records the reading
        return new PersonDataSection("outcomes", person -> new OutcomeData(outcomes.ofPerson(person), db.sql("""
                        SELECT instrument_id, instrument_version, answers, updated_at FROM outcome_draft
                         WHERE person_id = ? AND organisation_id = ? ORDER BY updated_at""")
                .params(person, Tenancy.requireOrganisationId()).query(Draft.class).list()), "outcome/export :: outcomes");
    }
}

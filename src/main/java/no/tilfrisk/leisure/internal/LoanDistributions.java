package no.tilfrisk.leisure.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.activity.DistributionSource;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Equipment loans in the distributions' totals (issue 18 item 5), as their own kind: the loans begun in the period,
 * in the department that keeps the item. A count of loans, not of persons, and no value (nothing is given away).
 */
@Component
class LoanDistributions implements DistributionSource {

    private final JdbcClient db;

    LoanDistributions(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<Distributions.Total> totals(UUID[] departments, LocalDate from, LocalDate to) {
        long loans = db.sql("""
                        SELECT count(*) FROM leisure_loan l JOIN leisure_equipment e ON e.id = l.equipment_id
                         WHERE l.organisation_id = :org AND l.lent_on BETWEEN :from AND :to
                           AND (CAST(:scope AS uuid[]) IS NULL OR e.department_id = ANY(:scope))""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("scope", departments).query(Long.class).single();
        return loans == 0 ? List.of() : List.of(new Distributions.Total(DistributionKind.EQUIPMENT_LOAN, loans, 0));
    }
}

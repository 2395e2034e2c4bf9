package no.tilfrisk.report.annual;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security as the second wall around the annual report's texts and settings. */
@TilfriskTest
class AnnualReportRowLevelSecurityTest {

    static final List<String> TABLES = List.of("report_narrative", "report_settings");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ReportNarratives narratives;

    @Test
    void everyTableHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnTextsAndCannotWriteAnothers() {
        int year = LocalDate.now(Dates.OSLO).getYear() - 1;
        People.asSystem(OTHER_ORGANISATION, () -> {
            narratives.save(year, null, NarrativeSection.CLOSING, "Annen organisasjons avslutning.");
            return null;
        });
        List<UUID> demo = organisations(DEMO_RECOVERY);
        assertThat(demo).isNotEmpty().containsOnly(DEMO_RECOVERY);
        assertThat(organisations(OTHER_ORGANISATION)).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "UPDATE report_narrative SET markdown = 'x' WHERE markdown = 'Annen organisasjons avslutning.'").update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO report_narrative (id, organisation_id, year, section, markdown)
                        VALUES (?, ?, 2020, 'about', 'smuglet')""").params(UUID.randomUUID(), DEMO_RECOVERY).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    private List<UUID> organisations(UUID organisation) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM report_narrative").query(UUID.class).list()));
    }
}

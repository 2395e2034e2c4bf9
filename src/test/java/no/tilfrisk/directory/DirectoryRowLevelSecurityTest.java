package no.tilfrisk.directory;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security on the directory's tables, with its deliberate public reading: a published offer and its
 * hours are readable by anyone, even a transaction without an organisation; an unpublished one, the history and
 * the referrals only by their organisation; nobody writes another organisation's rows, and the network's shared
 * entries only under the application's mark.
 */
@TilfriskTest
class DirectoryRowLevelSecurityTest {

    static final List<String> TABLES = List.of("offer", "offer_hours", "offer_hours_exception", "offer_change", "referral");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Offers offers;

    @Test
    void everyTableHasRowLevelSecurityWithTheIntendedPolicies() {
        for (String table : TABLES) {
            assertThat(db.sql("SELECT relrowsecurity FROM pg_class WHERE relname = ? AND relkind = 'r'").param(table)
                    .query(Boolean.class).single()).as(table).isTrue();
            List<String> policies = db.sql("SELECT policyname || ':' || cmd || ':' || qual FROM pg_policies WHERE tablename = ? ORDER BY policyname")
                    .param(table).query(String.class).list();
            assertThat(policies).as(table).anySatisfy(p -> assertThat(p).startsWith(table + "_tenant:ALL:")
                    .contains("SELECT current_organisation_id()"));
            boolean publicRead = List.of("offer", "offer_hours", "offer_hours_exception").contains(table);
            assertThat(policies).as(table).filteredOn(p -> p.contains("_public_read:"))
                    .hasSize(publicRead ? 1 : 0)
                    .allSatisfy(p -> assertThat(p).isEqualTo(table + "_public_read:SELECT:published"));
            assertThat(policies).as(table).hasSize(table.equals("referral") ? 1 : publicRead ? 3 : 2);
        }
    }

    @Test
    void publishedOffersAreReadByAnyoneUnpublishedOnlyByTheirOrganisation() {
        UUID published = People.asSystem(OTHER_ORGANISATION, () -> offers.create(UUID.randomUUID(),
                DirectoryFixtures.dayCentre("rls" + UUID.randomUUID())));
        OfferForm hidden = DirectoryFixtures.dayCentre("skjult" + UUID.randomUUID());
        hidden.setPublished(false);
        UUID unpublished = People.asSystem(OTHER_ORGANISATION, () -> offers.create(UUID.randomUUID(), hidden));

        for (var organisation : new UUID[] {null, DEMO_RECOVERY}) {
            List<UUID> seen = read(organisation, "SELECT id FROM offer WHERE id IN ('" + published + "', '" + unpublished + "')");
            assertThat(seen).as("organisation %s", organisation).containsExactly(published);
            assertThat(read(organisation, "SELECT offer_id FROM offer_hours WHERE offer_id = '" + unpublished + "'")).isEmpty();
            assertThat(read(organisation, "SELECT offer_id FROM offer_hours WHERE offer_id = '" + published + "'")).hasSize(7);
            assertThat(read(organisation, "SELECT offer_id FROM offer_change WHERE offer_id = '" + published + "'"))
                    .as("the history is not public").isEmpty();
        }
        assertThat(read(OTHER_ORGANISATION, "SELECT id FROM offer WHERE id = '" + unpublished + "'")).containsExactly(unpublished);
        assertThat(read(OTHER_ORGANISATION, "SELECT offer_id FROM offer_change WHERE offer_id = '" + published + "'")).hasSize(1);
    }

    @Test
    void nobodyWritesAnotherOrganisationsOffersNorTheSharedOnesWithoutTheMark() {
        UUID theirs = People.asSystem(OTHER_ORGANISATION, () -> offers.create(UUID.randomUUID(),
                DirectoryFixtures.weekendCafe("rls" + UUID.randomUUID())));
        UUID shared = SeedOffers.idOf(SeedOffers.APPENDIX_4, "WayBack");
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE offer SET name = 'Kapret' WHERE id IN (?, ?)").params(theirs, shared).update()));
        assertThat(changed).isZero();
        Integer deletedHours = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("DELETE FROM offer_hours WHERE offer_id = ?").param(theirs).update()));
        assertThat(deletedHours).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO offer (id, organisation_id, name, operator_kind) VALUES (?, ?, 'Smuglet', 'VOLUNTARY')")
                        .params(UUID.randomUUID(), OTHER_ORGANISATION).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO offer (id, organisation_id, name, operator_kind) VALUES (?, NULL, 'Felles uten merke', 'VOLUNTARY')")
                        .param(UUID.randomUUID()).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        Integer marked = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> {
            db.sql("SELECT set_config('app.directory_shared', 'on', true)").query(String.class).single();
            return db.sql("UPDATE offer SET updated_at = updated_at WHERE id = ?").param(shared).update();
        }));
        assertThat(marked).as("with the mark, which Offers sets only for directory editors").isOne();
    }

    @Test
    void referralsStayWithTheirOrganisation() {
        assertThat(read(DEMO_RECOVERY, "SELECT DISTINCT organisation_id FROM referral")).doesNotContain(OTHER_ORGANISATION);
        assertThat(read(null, "SELECT id FROM referral")).isEmpty();
    }

    private List<UUID> read(UUID organisation, String sql) {
        return organisation == null ? tx.execute(s -> db.sql(sql).query(UUID.class).list())
                : Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(sql).query(UUID.class).list()));
    }
}

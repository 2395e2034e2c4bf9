package no.tilfrisk.audit;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    AuditTrail audit;

    record Row(UUID actorId, UUID personId, String action, String what, String requestId) {
    }

    @Test
    void eachReadAndWritePathLeavesExactlyOneRowWithActorAndPerson() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Logget " + UUID.randomUUID());
        TilfriskUser staff = (TilfriskUser) accounts.loadUserByUsername(Demo.STAFF);

        mvc.perform(get("/persons/" + person).with(user(staff))).andExpect(status().isOk());
        assertThat(rowsFor(person)).containsExactly(new Row(staff.userId(), person, "READ", "person.profile", null));

        mvc.perform(post("/persons/" + person).with(user(staff)).with(csrf()).param("displayName", "Logget"))
                .andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(2).last().isEqualTo(new Row(staff.userId(), person, "UPDATE", "person.profile", null));

        mvc.perform(post("/persons/" + person + "/consents").with(user(staff)).with(csrf())
                .param("formId", UUID.randomUUID().toString()).param("purposes", "STATISTICS").param("method", "VERBAL")).andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(3).last()
                .isEqualTo(new Row(staff.userId(), person, "CONSENT_GIVEN", "person.consent.statistics", null));

        mvc.perform(get("/api/v1/persons/" + person).header("Authorization", bearer("demo-ansatt")).header("X-Request-Id", "req-42"))
                .andExpect(status().isOk());
        assertThat(rowsFor(person)).hasSize(4).last().isEqualTo(new Row(staff.userId(), person, "READ", "person.profile", "req-42"));
    }

    @Test
    void rowsAreWrittenAtCommitSoAnOpenTransactionDoesNotHoldUpTheOrganisationsOtherRequests() throws Exception {
        UUID first = people.register(DEMO_RECOVERY, "Skien", "Først " + UUID.randomUUID());
        UUID second = people.register(DEMO_RECOVERY, "Skien", "Nummer to " + UUID.randomUUID());
        var recorded = new CountDownLatch(1);
        var otherDone = new CountDownLatch(1);
        var open = Executors.newSingleThreadExecutor();
        try {
            // one request records a reading and goes on reading (here: waits) before it commits
            var slow = open.submit(() -> People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> {
                audit.record(first, AuditAction.READ, "test.slow");
                recorded.countDown();
                try {
                    return otherDone.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            // meanwhile another request of the same organisation records and commits without waiting for it
            People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> {
                audit.record(second, AuditAction.READ, "test.quick");
                return null;
            }));
            otherDone.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS))
                    .as("the other request committed while this one was open").isTrue();
        } finally {
            open.shutdownNow();
        }
        assertThat(rowsFor(first)).extracting(Row::what).contains("test.slow");
        assertThat(rowsFor(second)).extracting(Row::what).contains("test.quick");
        // and a transaction that rolls back leaves no row
        People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> {
            audit.record(second, AuditAction.READ, "test.rolledBack");
            s.setRollbackOnly();
            return null;
        }));
        assertThat(rowsFor(second)).extracting(Row::what).doesNotContain("test.rolledBack");
    }

    @Test
    void theAppCannotChangeOrDeleteTheTrail() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("UPDATE audit_event SET what = 'x'").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM audit_event").update()))
                    .rootCause().hasMessageContaining("permission denied");
        });
    }

    @Test
    void theVerifierFindsATamperedRow() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Tuklet " + UUID.randomUUID());
        assertThat(verify().intact()).isTrue();
        long seq = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT seq FROM audit_event WHERE person_id = ?").param(person).query(Long.class).single()));
        // someone with the owner's password edits the row directly
        try (Connection owner = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD)) {
            setWhat(owner, seq, "person.nothing-to-see");
            try {
                var result = verify();
                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenSeq()).isEqualTo(seq);
            } finally {
                setWhat(owner, seq, "person.profile");
            }
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void theAdminChecksTheChainFromThePage() throws Exception {
        var browser = new SignInSession(mvc);
        browser.signIn(Demo.ADMIN, Demo.PASSWORD).andExpect(status().is3xxRedirection());
        browser.post("/admin/audit/verify").andExpect(status().is3xxRedirection());
        browser.get("/admin/audit").andExpect(content().string(containsString("Loggen er uendret")));
    }

    @Test
    void entriesWithoutAnActorAreShownAsTheSystem() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Systemrad " + UUID.randomUUID());
        mvc.perform(get("/admin/audit").param("person", person.toString())
                        .with(user(accounts.loadUserByUsername(Demo.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Systemet")));
    }

    @Test
    void theParticipantSeesWhoHasSeenTheirData() throws Exception {
        TilfriskUser participant = (TilfriskUser) accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        UUID dag = People.asSystem(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT person_id FROM app_user WHERE id = ?").param(participant.userId()).query(UUID.class).single()));
        mvc.perform(get("/persons/" + dag).with(user(accounts.loadUserByUsername(Demo.ADMIN)))).andExpect(status().isOk());
        mvc.perform(get("/min-side/innsyn").with(user(participant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ada Admin")))
                .andExpect(content().string(containsString("så opplysningene dine")));
        mvc.perform(get("/min-side/innsyn").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(status().isForbidden());
    }

    private AuditTrail.ChainVerification verify() {
        return People.asSystem(DEMO_RECOVERY, () -> audit.verify());
    }

    private static void setWhat(Connection owner, long seq, String what) throws Exception {
        try (PreparedStatement ps = owner.prepareStatement("UPDATE audit_event SET what = ? WHERE seq = ?")) {
            ps.setString(1, what);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private List<Row> rowsFor(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT actor_id, person_id, action, what, CASE WHEN request_id LIKE 'req-%' THEN request_id END AS request_id
                          FROM audit_event WHERE person_id = ? AND action <> 'CREATE' ORDER BY seq""")
                .param(person).query(Row.class).list()));
    }
}

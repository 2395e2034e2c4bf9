package no.tilfrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.audit.AuditTrail.CheckpointState;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail anchored outside the database (issue 21, item 5). Each test works in an organisation of its own:
 * cutting a trail is done with the owner's rights, and the demo's trail is shared by the whole suite.
 */
@TilfriskTest
class AuditCheckpointsTest {

    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditTrail audit;
    @Autowired
    Organisations organisations;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JsonMapper json;
    @Autowired
    MockMvc mvc;

    UUID organisation;

    @BeforeEach
    void ownOrganisation() {
        organisation = UUID.randomUUID();
        organisations.create(organisation, "Kontrollpunkt " + organisation.toString().substring(0, 8));
    }

    @AfterEach
    void removeItsCheckpoints() throws Exception {
        Path folder = checkpoints.folder(organisation);
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aCheckpointNamesTheTrailsLastRowAndItsSignatureVerifiesWithThePublicKeysetAlone() throws Exception {
        assertThat(write()).as("an empty trail has nothing to anchor").isNull();
        record(3);
        long last = lastSeq();

        AuditCheckpoint written = write();
        assertThat(written.organisation()).isEqualTo(organisation);
        assertThat(written.seq()).isEqualTo(last);
        assertThat(written.hash()).isEqualTo(HexFormat.of().formatHex(hashOf(last)));

        Path file = checkpoints.folder(organisation).resolve("%019d.json".formatted(last));
        AuditCheckpoint stored = json.readValue(Files.readString(file), AuditCheckpoint.class);
        assertThat(stored).isEqualTo(written);
        // anyone can check it with the public keyset written beside the checkpoints, without the app's secret
        KeysetHandle publicKeyset = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(
                Files.readString(checkpoints.folder(organisation).resolveSibling(AuditCheckpoints.PUBLIC_KEYSET)));
        publicKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class)
                .verify(Base64.getDecoder().decode(stored.signature()), stored.signed());
        assertThat(checkpoints.verifies(stored)).isTrue();

        var verification = verify();
        assertThat(verification.checkpoint()).isEqualTo(CheckpointState.HELD);
        assertThat(verification.checkpointSeq()).isEqualTo(last);
        assertThat(verification.intact()).isTrue();

        assertThat(write()).as("no row since: the same checkpoint").isEqualTo(written);
        record(1);
        assertThat(write().seq()).isEqualTo(lastSeq()).isGreaterThan(last);
    }

    @Test
    void aTrailCutFromItsEndBeforeTheCheckpointIsFoundThoughItsLinksStillHold() throws Exception {
        record(4);
        AuditCheckpoint checkpoint = write();
        long keptUpTo = seqBefore(seqBefore(checkpoint.seq()));
        assertThat(verify().intact()).isTrue();

        // someone with the owner's password removes the last two rows: what is left still links up
        ownerUpdate("DELETE FROM audit_event WHERE organisation_id = ? AND seq > ?", keptUpTo);

        var verification = verify();
        assertThat(verification.rowsChecked()).isEqualTo(2);
        assertThat(verification.linksIntact()).as("the chain alone cannot see a cut end").isTrue();
        assertThat(verification.checkpoint()).isEqualTo(CheckpointState.TAIL_MISSING);
        assertThat(verification.checkpointSeq()).isEqualTo(checkpoint.seq());
        assertThat(verification.intact()).isFalse();
    }

    @Test
    void aLaneCutFromItsEndIsFoundThoughItIsNotTheTrailsLastRow() throws Exception {
        // two connections whose rows go to two lanes (V96: a row's lane is its backend's pid modulo 16)
        List<Connection> connections = new ArrayList<>();
        try {
            Map<Integer, Connection> byLane = new TreeMap<>();
            while (byLane.size() < 2 && connections.size() < 20) {
                Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                        EmbeddedPostgresServer.OWNER_PASSWORD);
                connections.add(c);
                try (var r = c.createStatement().executeQuery("SELECT pg_backend_pid() % 16")) {
                    r.next();
                    byLane.putIfAbsent(r.getInt(1), c);
                }
            }
            assertThat(byLane).hasSize(2);
            List<Long> seqs = new ArrayList<>();
            for (Connection c : byLane.values()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO audit_event (organisation_id, action, what) VALUES (?, 'READ', 'test.lane')
                        RETURNING seq, lane""")) {
                    ps.setObject(1, organisation);
                    try (var r = ps.executeQuery()) {
                        r.next();
                        seqs.add(r.getLong(1));
                    }
                }
            }
            AuditCheckpoint checkpoint = write();
            assertThat(checkpoint.seq()).isEqualTo(seqs.get(1));
            assertThat(checkpoint.tails()).extracting(AuditCheckpoint.Tail::seq).containsExactlyElementsOf(seqs);
            assertThat(verify().intact()).isTrue();

            // the first lane's last row removed: not the trail's last, and no link in either lane breaks
            ownerUpdate("DELETE FROM audit_event WHERE organisation_id = ? AND seq = ?", seqs.get(0));
            var verification = verify();
            assertThat(verification.linksIntact()).isTrue();
            assertThat(verification.checkpoint()).isEqualTo(CheckpointState.TAIL_MISSING);
            assertThat(verification.intact()).isFalse();
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    @Test
    void aForgedOrChangedCheckpointIsRefusedAndTheGenuineOneStillCounts() throws Exception {
        record(3);
        AuditCheckpoint genuine = write();
        long before = seqBefore(genuine.seq());
        ownerUpdate("DELETE FROM audit_event WHERE organisation_id = ? AND seq > ?", before);

        // the one who cut the trail writes a checkpoint of its new end, signed with a key of their own …
        KeysetHandle theirs = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
        var unsigned = new AuditCheckpoint(organisation, before, HexFormat.of().formatHex(hashOf(before)),
                genuine.at().plusSeconds(60), "");
        String signature = Base64.getEncoder().encodeToString(theirs.getPrimitive(RegistryConfiguration.get(),
                PublicKeySign.class).sign(unsigned.signed()));
        var forged = new AuditCheckpoint(unsigned.organisation(), unsigned.seq(), unsigned.hash(), unsigned.at(),
                signature);
        Files.writeString(checkpoints.folder(organisation).resolve("9999999999999999998.json"),
                json.writeValueAsString(forged));
        // … and moves the genuine signature onto a lower row
        Files.writeString(checkpoints.folder(organisation).resolve("9999999999999999999.json"),
                json.writeValueAsString(new AuditCheckpoint(organisation, before, genuine.hash(), genuine.at(),
                        genuine.signature())));

        assertThat(checkpoints.verifies(forged)).isFalse();
        var anchor = checkpoints.anchor(organisation);
        assertThat(anchor.refused()).isEqualTo(2);
        assertThat(anchor.latest()).contains(genuine);
        var verification = verify();
        assertThat(verification.refusedCheckpoints()).isEqualTo(2);
        assertThat(verification.checkpoint()).isEqualTo(CheckpointState.TAIL_MISSING);
        assertThat(verification.intact()).isFalse();
    }

    @Test
    void theAdminWritesACheckpointFromThePageAndTheCheckSaysItHolds() throws Exception {
        // the demo's trail (a checkpoint is only written, nothing is cut; the folder is this run's own)
        var browser = new SignInSession(mvc);
        browser.signIn(Demo.ADMIN, Demo.PASSWORD).andExpect(status().is3xxRedirection());
        browser.post("/admin/audit/checkpoint").andExpect(status().is3xxRedirection());
        long seq = checkpoints.anchor(Demo.DEMO_RECOVERY).latest().orElseThrow().seq();
        browser.get("/admin/audit").andExpect(status().isOk())
                .andExpect(content().string(containsString("Signert kontrollpunkt skrevet ved hendelse " + seq)));
        browser.post("/admin/audit/verify").andExpect(status().is3xxRedirection());
        browser.get("/admin/audit").andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "stemmer med det siste signerte kontrollpunktet (hendelse " + seq)));
    }

    private AuditCheckpoint write() {
        return People.asSystem(organisation, () -> checkpoints.write()).orElse(null);
    }

    private AuditTrail.ChainVerification verify() {
        return People.asSystem(organisation, () -> audit.verify());
    }

    private void record(int rows) {
        for (int i = 0; i < rows; i++) {
            People.asSystem(organisation, () -> tx.execute(s -> {
                audit.record(UUID.randomUUID(), AuditAction.READ, "test.checkpoint");
                return null;
            }));
        }
    }

    private long lastSeq() {
        return People.asSystem(organisation, () -> tx.execute(s -> db.sql(
                "SELECT max(seq) FROM audit_event WHERE organisation_id = ?").param(organisation)
                .query(Long.class).single()));
    }

    private long seqBefore(long seq) {
        return People.asSystem(organisation, () -> tx.execute(s -> db.sql(
                "SELECT max(seq) FROM audit_event WHERE organisation_id = ? AND seq < ?").params(organisation, seq)
                .query(Long.class).single()));
    }

    private byte[] hashOf(long seq) {
        return People.asSystem(organisation, () -> tx.execute(s -> db.sql(
                "SELECT hash FROM audit_event WHERE organisation_id = ? AND seq = ?").params(organisation, seq)
                .query(byte[].class).single()));
    }

    private void ownerUpdate(String sql, long seq) throws Exception {
        try (Connection owner = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); PreparedStatement ps = owner.prepareStatement(sql)) {
            ps.setObject(1, organisation);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }
}

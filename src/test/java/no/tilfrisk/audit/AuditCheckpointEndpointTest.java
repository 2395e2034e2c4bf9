package no.tilfrisk.audit;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The operator writes every organisation's audit checkpoint on demand ({@code POST /actuator/auditcheckpoints}); no
 * one else may. The checkpoint files this test makes are removed again, so later classes find the store as it was.
 */
@TilfriskTest
class AuditCheckpointEndpointTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    AuditTrail audit;
    @Autowired
    AsSystem asSystem;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Value("${tilfrisk.audit.checkpoints.directory}")
    Path store;

    @Test
    void theOperatorWritesACheckpointOfEveryOrganisationsTrailAtItsLastRowAndNoOneElseMay() throws Exception {
        List<Path> before = files();
        try {
            for (String token : new String[]{"demo-ansatt", "demo-admin", "demo-annen", "ikke-en-nokkel"}) {
                mvc.perform(post("/actuator/auditcheckpoints").header("Authorization", bearer(token)))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(post("/actuator/auditcheckpoints")).andExpect(status().isUnauthorized());
            assertThat(files()).as("nothing written for anyone but the operator").isEqualTo(before);

            // a row just now, so the demo organisation's last checkpoint cannot already be at its last row
            UUID person = people.register(DEMO_RECOVERY, "Skien", "Kontrollpunkt " + UUID.randomUUID().toString().substring(0, 6));
            asSystem.run(DEMO_RECOVERY, () -> audit.record(person, AuditAction.READ, "test.checkpoint-on-demand"));
            long last = lastSeq(DEMO_RECOVERY);
            assertThat(checkpoints.anchor(DEMO_RECOVERY).latest().map(AuditCheckpoint::seq).orElse(-1L)).isLessThan(last);

            mvc.perform(post("/actuator/auditcheckpoints").header("Authorization", bearer("demo-operator")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.failed").value(0))
                    .andExpect(jsonPath("$.organisations").value(asSystem.organisations().size()));

            assertThat(checkpoints.anchor(DEMO_RECOVERY).latest()).hasValueSatisfying(c -> {
                assertThat(c.seq()).isGreaterThanOrEqualTo(last);
                assertThat(checkpoints.verifies(c)).isTrue();
            });
        } finally {
            for (Path made : files()) {
                if (!before.contains(made)) {
                    Files.deleteIfExists(made);
                }
            }
        }
    }

    private long lastSeq(UUID organisation) {
        AtomicLong seq = new AtomicLong();
        asSystem.run(organisation, () -> seq.set(db.sql("SELECT max(seq) FROM audit_event WHERE organisation_id = ?")
                .param(organisation).query(Long.class).single()));
        return seq.get();
    }

    private List<Path> files() throws Exception {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(store)) {
            return all.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }
}

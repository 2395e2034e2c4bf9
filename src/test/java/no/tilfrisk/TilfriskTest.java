package no.tilfrisk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.leisure.LeisureFixtures;
import no.tilfrisk.directory.DirectoryTestOffers;
import no.tilfrisk.project.ProjectFixtures;
import no.tilfrisk.volunteer.VolunteerFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * An integration test on the real embedded PostgreSQL with the demo organisations loaded. Every test class
 * with this annotation shares one Spring context and so one database. That holds only while no test class adds
 * its own {@code @Import} or properties: a test fixture bean goes into the list below, for all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "tilfrisk.data-dir=target/test-data",
        "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true",
        "tilfrisk.scheduling.enabled=false",
        // a fresh folder per context: checkpoints of an earlier run name rows of a database since wiped
        "tilfrisk.audit.checkpoints.directory=target/test-data/audit-checkpoints/${random.uuid}",
        // the partner systems of the webhook tests are servers on this machine (webhook/WebhookDeliveryTest)
        "tilfrisk.webhooks.allow-loopback=true"
})
@AutoConfigureMockMvc
@Import({People.class, TestAccounts.class, TestClock.class, ActivityFixtures.class,
        DirectoryTestOffers.class, LeisureFixtures.class, ProjectFixtures.class, VolunteerFixtures.class})
public @interface TilfriskTest {
}

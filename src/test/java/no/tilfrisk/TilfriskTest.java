package no.tilfrisk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * An integration test on the real embedded PostgreSQL with the demo organisations loaded. Every test class
 * with this annotation shares one Spring context and so one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "tilfrisk.data-dir=target/test-data",
        "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true"
})
@AutoConfigureMockMvc
public @interface TilfriskTest {
}

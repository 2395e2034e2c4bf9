package no.tilfrisk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * The demo data is written by a bean initialised in the background, after the beans it may not make there. Every
 * test context starts this way, so the demo data that the other tests use shows that it works; this test shows that
 * it is still done so.
 */
@TilfriskTest
class DemoStartTest {

    @Autowired
    ConfigurableListableBeanFactory factory;

    @Test
    void theDemoIsWrittenInTheBackgroundAfterDemoDataAndTheListenersAreMade() {
        AbstractBeanDefinition start = (AbstractBeanDefinition) factory.getBeanDefinition("demoStart");
        assertThat(start.isBackgroundInit()).isTrue();
        // startupTimeMetrics: the actuator's listener that the demo's first event reached before it existed, which
        // failed the start until the listeners were made first
        assertThat(start.getDependsOn()).contains("demoData", "startupTimeMetrics", "applicationAvailability");
    }
}

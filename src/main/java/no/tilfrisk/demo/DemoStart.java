package no.tilfrisk.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Writes the demo data while the rest of the context starts (issue 21, item 9: a first start to a usable sign-in).
 * This bean is initialised in the background, on Spring's bootstrap executor (the application task executor): the
 * main thread goes on with the web layer, security and the actuator meanwhile. The context waits for it before its
 * refresh ends, so the server takes requests, and readiness says UP, only once the demo data is there; a failure
 * fails the start.
 *
 * <p>A bean initialised in the background may use beans that exist but may not make any (Spring refuses it, so that
 * two threads never make one bean). So the main thread first makes {@link DemoData} with everything it uses, and the
 * application listeners, to which the demo's writes publish events. {@code @EventListener} methods are registered
 * only after all beans, so none hears the demo's events; the demo has no webhooks that would.
 */
@Component
@ConditionalOnProperty(name = "tilfrisk.demo.enabled", havingValue = "true")
class DemoStart implements InitializingBean {

    private final DemoData demo;

    DemoStart(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void afterPropertiesSet() {
        demo.write();
    }

    @Bean
    static BeanFactoryPostProcessor demoStartInTheBackground() {
        return factory -> {
            AbstractBeanDefinition start = (AbstractBeanDefinition) factory.getBeanDefinition("demoStart");
            List<String> first = new ArrayList<>(List.of("demoData"));
            first.addAll(List.of(factory.getBeanNamesForType(ApplicationListener.class, true, false)));
            start.setDependsOn(first.toArray(String[]::new));
            start.setBackgroundInit(true);
        };
    }
}

package no.tilfrisk.demo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In demo mode only: the demo accounts all have the one published password, so its hash is computed once and
 * reused instead of once per account. A BCrypt hash costs about a tenth of a second of CPU on a quiet machine and
 * several under load; the accounts' hashes were about 70 % of the demo data's start-up time (issue 21, item 9,
 * measured with a flight recording). Every other password, and every check of a password, goes to the real encoder.
 */
@Component
@ConditionalOnProperty(name = "tilfrisk.demo.enabled", havingValue = "true")
class DemoPasswordHash implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof PasswordEncoder encoder && !(bean instanceof OnceForTheDemoPassword)
                ? new OnceForTheDemoPassword(encoder) : bean;
    }

    static final class OnceForTheDemoPassword implements PasswordEncoder {

        private final PasswordEncoder encoder;
        private volatile String demoHash;

        OnceForTheDemoPassword(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            if (rawPassword == null || !DemoData.PASSWORD.contentEquals(rawPassword)) {
                return encoder.encode(rawPassword);
            }
            String hash = demoHash;
            if (hash == null) {
                hash = encoder.encode(rawPassword);
                demoHash = hash;
            }
            return hash;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}

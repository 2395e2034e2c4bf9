package no.tilfrisk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoPasswordHashTest {

    private final PasswordEncoder encoder = (PasswordEncoder) new DemoPasswordHash()
            .postProcessAfterInitialization(PasswordEncoderFactories.createDelegatingPasswordEncoder(), "passwordEncoder");

    @Test
    void theDemoPasswordIsHashedOnceAndStillChecked() {
        String first = encoder.encode(DemoData.PASSWORD);
        assertThat(encoder.encode(DemoData.PASSWORD)).isEqualTo(first);
        assertThat(encoder.matches(DemoData.PASSWORD, first)).isTrue();
        assertThat(encoder.matches("not-the-password", first)).isFalse();
    }

    @Test
    void everyOtherPasswordGetsItsOwnSaltedHash() {
        String a = encoder.encode("another-password");
        assertThat(encoder.encode("another-password")).isNotEqualTo(a);
        assertThat(encoder.matches("another-password", a)).isTrue();
    }
}

package no.tilfrisk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Against the SHA-1 test vectors of RFC 6238, appendix B, cut to six digits as apps show them. */
class TotpTest {

    /** The RFC's key, the ASCII of "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfcVectors() {
        Totp totp = at(0);
        assertThat(totp.codeFor(RFC_SECRET, 59 / 30)).isEqualTo("287082");          // 94287082
        assertThat(totp.codeFor(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804"); // 07081804
        assertThat(totp.codeFor(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924"); // 89005924
        assertThat(totp.codeFor(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037"); // 69279037
    }

    @Test
    void aCodeCountsForItsOwnStepAndOneStepEitherSideOnly() {
        long step = 1234567890L / 30;
        assertThat(at(1234567890L).stepOf(RFC_SECRET, "005924")).hasValue(step);
        assertThat(at(1234567890L + 30).stepOf(RFC_SECRET, "005924")).hasValue(step);
        assertThat(at(1234567890L - 30).stepOf(RFC_SECRET, "005924")).hasValue(step);
        assertThat(at(1234567890L + 60).stepOf(RFC_SECRET, "005924")).isEmpty();
        assertThat(at(1234567890L - 60).stepOf(RFC_SECRET, "005924")).isEmpty();
    }

    @Test
    void onlySixDigitsAreACode() {
        Totp totp = at(1234567890L);
        assertThat(totp.stepOf(RFC_SECRET, "05924")).isEmpty();
        assertThat(totp.stepOf(RFC_SECRET, "0059245")).isEmpty();
        assertThat(totp.stepOf(RFC_SECRET, "oo5924")).isEmpty();
        assertThat(totp.stepOf(RFC_SECRET, "")).isEmpty();
    }

    @Test
    void aNewSecretIs160BitsInBase32AndItsQrCodeIsAPngDataUri() {
        Totp totp = new Totp();
        String secret = totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(totp.newSecret()).isNotEqualTo(secret);
        assertThat(totp.qrCode(secret, "ada@example.org")).startsWith("data:image/png;base64,");
    }

    private static Totp at(long epochSecond) {
        return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}

package no.tilfrisk.account.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app knows them: SHA-1, six digits, 30-second
 * steps, a 160-bit secret. A code is accepted for the current step and one step either side, for clocks that
 * drift. The codes, secrets and QR codes come from the {@code dev.samstevens.totp} library.
 */
@Component
class Totp {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final ZxingPngQrGenerator qrCodes = new ZxingPngQrGenerator();
    private final Clock clock;

    Totp() {
        this(Clock.systemUTC());
    }

    @Autowired
    Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new secret in base32, the form apps accept when it is typed in. */
    String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} URI of the secret as a PNG QR code in a {@code data:} URI. */
    String qrCode(String secret, String accountName) {
        QrData data = new QrData.Builder()
                .issuer("Tilfrisk")
                .label(accountName)
                .secret(secret)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build();
        try {
            return Utils.getDataUriForImage(qrCodes.generate(data), qrCodes.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }

    static boolean looksLikeCode(String input) {
        return CODE.matcher(input).matches();
    }

    long currentStep() {
        return clock.instant().getEpochSecond() / PERIOD_SECONDS;
    }

    /** The time step the code was made for, if it was made for one within a step of now. */
    OptionalLong stepOf(String secret, String code) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (sameInConstantTime(codeFor(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    String codeFor(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a code", e);
        }
    }

    private static boolean sameInConstantTime(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}

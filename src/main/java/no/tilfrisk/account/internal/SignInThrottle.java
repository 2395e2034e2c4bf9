package no.tilfrisk.account.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in after too many failures within a window, per account and per client address, so that
 * passwords cannot be guessed at speed. Kept in the database so that every app node sees the same count.
 */
@Component
class SignInThrottle {

    private final JdbcClient db;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;

    SignInThrottle(JdbcClient db,
                   @Value("${tilfrisk.sign-in.max-failures-per-account}") int maxPerAccount,
                   @Value("${tilfrisk.sign-in.max-failures-per-address}") int maxPerAddress,
                   @Value("${tilfrisk.sign-in.window}") Duration window) {
        this.db = db;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    boolean isBlocked(String email, String address) {
        return failures(account(email)) >= maxPerAccount || failures(address(address)) >= maxPerAddress;
    }

    void failed(String email, String address) {
        db.sql("DELETE FROM sign_in_failure WHERE failed_at < now() - interval '1 day'").update();
        db.sql("INSERT INTO sign_in_failure (subject) VALUES (?), (?)")
                .params(account(email), address(address)).update();
    }

    void succeeded(String email) {
        db.sql("DELETE FROM sign_in_failure WHERE subject = ?").param(account(email)).update();
    }

    Duration window() {
        return window;
    }

    private int failures(String subject) {
        return db.sql("SELECT count(*) FROM sign_in_failure WHERE subject = ? AND failed_at > now() - ?::interval")
                .params(subject, window.toSeconds() + " seconds")
                .query(Integer.class).single();
    }

    private static String account(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String address(String address) {
        return "address:" + address;
    }
}

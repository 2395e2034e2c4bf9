package no.tilfrisk;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Fresh accounts for tests that change or lock them, so tests do not disturb each other or the demo users. */
@TestComponent
public class TestAccounts {

    private static final AtomicInteger counter = new AtomicInteger();

    private final UserAccounts accounts;
    private final TransactionTemplate tx;

    public TestAccounts(UserAccounts accounts, TransactionTemplate tx) {
        this.accounts = accounts;
        this.tx = tx;
    }

    public record Account(UUID id, String email, String password) {
    }

    public Account create(UUID organisation, Role role, Set<UUID> departments) {
        String email = "test-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@test.tilfrisk.no";
        String password = "passord-" + UUID.randomUUID();
        UUID id = Tenancy.runAs(organisation, () -> tx.execute(s ->
                accounts.register(new UserForm(email, "Test " + role, Set.of(role), departments), password)));
        return new Account(id, email, password);
    }

    /** A client address no other test uses, so that address throttling in one test cannot reach another. */
    public static String freshAddress() {
        int n = counter.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }
}

package no.tilfrisk.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account as the admin sees it; never the password, nor the second factor's secret. */
public record UserAccount(UUID id, String email, String displayName, boolean active, Set<Role> roles,
                          Set<UUID> departmentIds, Instant secondFactorEnrolledAt) {

    public boolean secondFactorEnrolled() {
        return secondFactorEnrolledAt != null;
    }
}

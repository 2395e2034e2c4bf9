package no.tilfrisk.account;

import java.util.Set;
import java.util.UUID;

/** An account as the admin sees it; never the password. */
public record UserAccount(UUID id, String email, String displayName, boolean active, Set<Role> roles,
                          Set<UUID> departmentIds) {
}

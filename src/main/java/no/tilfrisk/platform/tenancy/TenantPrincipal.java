package no.tilfrisk.platform.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees it: who, in which organisation, with which roles and departments.
 * Modules check rights against this without depending on the account module.
 */
public interface TenantPrincipal {

    UUID userId();

    UUID organisationId();

    String displayName();

    Set<String> roleNames();

    Set<UUID> departmentIds();

    default boolean hasRole(String role) {
        return roleNames().contains(role);
    }
}

package no.tilfrisk.platform.tenancy;

import java.util.Set;
import java.util.UUID;

/** Work done by Tilfrisk itself (demo data, scheduled jobs) for one organisation, with admin rights and no user. */
public record SystemPrincipal(UUID organisationId) implements TenantPrincipal {

    @Override
    public UUID userId() {
        return null;
    }

    @Override
    public String displayName() {
        return "Tilfrisk";
    }

    @Override
    public Set<String> roleNames() {
        return Set.of("ORG_ADMIN");
    }

    @Override
    public Set<UUID> departmentIds() {
        return Set.of();
    }
}

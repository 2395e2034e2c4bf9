package no.tilfrisk.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which organisation the current work is for: the signed-in principal's, or one set explicitly for work that
 * runs without a user (demo data, scheduled jobs). Every transaction hands it to PostgreSQL.
 */
public final class Tenancy {

    private static final ThreadLocal<UUID> explicit = new ThreadLocal<>();

    private Tenancy() {
    }

    public static Optional<UUID> currentOrganisationId() {
        UUID set = explicit.get();
        if (set != null) {
            return Optional.of(set);
        }
        return currentPrincipal().map(TenantPrincipal::organisationId);
    }

    /** The signed-in user (or Tilfrisk itself), if any. */
    public static Optional<TenantPrincipal> currentPrincipal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof TenantPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }

    public static UUID requireOrganisationId() {
        return currentOrganisationId().orElseThrow(() -> new IllegalStateException("No organisation in context"));
    }

    /** Runs work for one organisation without a signed-in user. */
    public static <T> T runAs(UUID organisationId, Supplier<T> work) {
        UUID previous = explicit.get();
        explicit.set(organisationId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                explicit.remove();
            } else {
                explicit.set(previous);
            }
        }
    }

    public static void runAs(UUID organisationId, Runnable work) {
        runAs(organisationId, () -> {
            work.run();
            return null;
        });
    }
}

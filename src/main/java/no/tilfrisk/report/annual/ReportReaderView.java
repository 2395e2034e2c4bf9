package no.tilfrisk.report.annual;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs the reading of the external reports' figures as a report reader of the caller's organisation would: the
 * figures of the organisation and of every department, counts only. The suppression must see everything that may
 * be published together, whoever asks (a coordinator's external report of their department must hide exactly what
 * the board's copy of the same report hides), and only what a report reader may read. Nothing read here is shown
 * to the caller except through the suppressed report of the scope the caller may read.
 */
final class ReportReaderView {

    /** The report reader: the caller's organisation and user, the role REPORT_VIEWER only. */
    record Reader(UUID userId, UUID organisationId, String displayName) implements TenantPrincipal {

        @Override
        public Set<String> roleNames() {
            return Set.of("REPORT_VIEWER");
        }

        @Override
        public Set<UUID> departmentIds() {
            return Set.of();
        }
    }

    private ReportReaderView() {
    }

    static <T> T run(Supplier<T> work) {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext view = SecurityContextHolder.createEmptyContext();
        view.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Reader(caller.userId(), caller.organisationId(), caller.displayName()), null,
                List.of(new SimpleGrantedAuthority("ROLE_REPORT_VIEWER"))));
        SecurityContextHolder.setContext(view);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}

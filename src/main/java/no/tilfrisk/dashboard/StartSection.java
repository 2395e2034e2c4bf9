package no.tilfrisk.dashboard;

import java.util.Map;
import java.util.Optional;
import no.tilfrisk.platform.tenancy.TenantPrincipal;

/**
 * A section another module adds to the start page (a volunteer's «Mine deltakere», say): a Thymeleaf fragment
 * ({@code "volunteer/start :: participants"}) and the values it shows, given to it as {@code section}. The
 * sections come after «I dag», in the order of the beans' {@code @Order}.
 *
 * @param fragment the template and fragment, as in {@code ~{template :: fragment}}
 * @param model    what the fragment reads, as {@code ${section.…}}
 */
public record StartSection(String fragment, Map<String, Object> model) {

    /** A module's source of a start-page section: empty for users it has nothing for. */
    public interface Source {

        Optional<StartSection> sectionFor(TenantPrincipal user);
    }
}

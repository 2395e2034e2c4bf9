package no.tilfrisk.dashboard;

import java.util.List;
import no.tilfrisk.platform.tenancy.TenantPrincipal;

/**
 * What a module adds to «Mine oppgaver» on the start page. Implementations are beans; each returns only what the
 * user may see (nothing at all for a role the module does not serve) and records its own reading in the audit
 * trail where it shows personal data.
 */
public interface TaskSource {

    List<Task> tasksFor(TenantPrincipal user);
}

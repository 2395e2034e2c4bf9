package no.tilfrisk.transition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The partner organisations a checklist item can be given to, implemented by the partner module. Without a bean,
 * no item can be given to a partner.
 */
public interface ResponsiblePartners {

    /** The partner organisations the person has consented to share with, by name. */
    List<PartnerChoice> choicesFor(UUID personId);

    /** The names of these partner organisations, for display. */
    Map<UUID, String> names(Collection<UUID> organisationIds);
}

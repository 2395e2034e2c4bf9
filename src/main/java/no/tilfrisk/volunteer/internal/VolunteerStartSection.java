package no.tilfrisk.volunteer.internal;

import java.util.Map;
import java.util.Optional;
import no.tilfrisk.dashboard.StartSection;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.MyVolunteering;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * «Mine deltakere» on a volunteer's start page: the participants who share with them (names linked to their page),
 * the proposals waiting for their yes, and a word when their screening needs something. Nothing for other roles,
 * nor for a volunteer account that is not linked to a person.
 */
@Component
@Order(10)
class VolunteerStartSection implements StartSection.Source {

    private final MyVolunteering mine;

    VolunteerStartSection(MyVolunteering mine) {
        this.mine = mine;
    }

    @Override
    public Optional<StartSection> sectionFor(TenantPrincipal user) {
        if (!user.hasRole("VOLUNTEER")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StartSection("volunteer/start :: participants", Map.of(
                    "participants", mine.participants(), "proposals", mine.proposals().size(),
                    "screening", mine.screening())));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}

package no.tilfrisk.caregroup.internal;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import org.springframework.stereotype.Component;

/** «Ansvarsgruppe» among the quick actions of a person's page: the page of the person's responsibility group. */
@Component
class CareGroupAction implements PersonSummarySource {

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        return List.of();
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        return List.of(new QuickAction(60, "caregroup.link", List.of(), "/persons/" + personId + "/ansvarsgruppe"));
    }
}

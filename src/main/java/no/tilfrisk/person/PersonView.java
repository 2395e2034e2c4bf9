package no.tilfrisk.person;

import java.util.List;
import no.tilfrisk.platform.web.ResultPage;

/**
 * A person's page: the person, the summary at the top and its quick actions (from every
 * {@link PersonSummarySource}, in their order), and one page of the timeline, newest first.
 */
public record PersonView(PersonDetails person, List<SummaryItem> summary, List<QuickAction> actions,
                         ResultPage<TimelineEntry> timeline) {
}

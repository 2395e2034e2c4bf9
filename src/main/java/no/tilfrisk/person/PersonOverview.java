package no.tilfrisk.person;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's page as one read: the person ({@link PersonDirectory#get}, which checks the reader's access and records
 * the one audit row of the view), the summary and quick actions of every {@link PersonSummarySource}, and a page of
 * the timeline. All in one transaction, so the sources read what the audit row says was read.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class PersonOverview {

    public static final int TIMELINE_PAGE_SIZE = 25;

    private final PersonDirectory persons;
    private final List<PersonSummarySource> sources;

    PersonOverview(PersonDirectory persons, List<PersonSummarySource> sources) {
        this.persons = persons;
        this.sources = sources;
    }

    @Transactional
    public PersonView view(UUID id, int timelinePage) {
        PersonDetails person = persons.get(id);
        List<SummaryItem> summary = sources.stream().flatMap(s -> s.summaryFor(id).stream())
                .sorted(Comparator.comparingInt(SummaryItem::order)).toList();
        List<QuickAction> actions = sources.stream().flatMap(s -> s.actionsFor(id).stream())
                .sorted(Comparator.comparingInt(QuickAction::order)).toList();
        return new PersonView(person, summary, actions, page(person.timeline(), timelinePage));
    }

    /** The timeline is already newest first; a page past the end is the last page. */
    static ResultPage<TimelineEntry> page(List<TimelineEntry> all, int requested) {
        int size = TIMELINE_PAGE_SIZE;
        int last = all.isEmpty() ? 0 : (all.size() - 1) / size;
        int page = Math.min(Math.max(0, requested), last);
        int from = page * size;
        return new ResultPage<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }
}

package no.tilfrisk.person;

import java.util.List;
import java.util.UUID;

/**
 * What a module adds to the summary at the top of a person's page: a few short facts (the next follow-up, the plan,
 * the latest measurement; later the volunteer and the transition) and the quick actions it offers there (log a
 * contact, record attendance, new measurement). Implementations are beans in the module's {@code internal/}; the
 * person page asks each of them once per view, after the person module has checked that the reader may see the
 * person and while it records that reading, so a source adds no audit of its own.
 *
 * <p>A source answers with one cheap, indexed query and returns nothing the reader may not see: an item or an
 * action the caller's roles or departments do not allow is left out, never shown as a link that answers 403.
 */
public interface PersonSummarySource {

    /** This module's facts about the person, in the reader's rights; empty when it has nothing to say. */
    List<SummaryItem> summaryFor(UUID personId);

    /** The quick actions this module offers for the person, only those the reader may do. */
    default List<QuickAction> actionsFor(UUID personId) {
        return List.of();
    }
}

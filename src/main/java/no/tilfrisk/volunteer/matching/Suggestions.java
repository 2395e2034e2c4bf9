package no.tilfrisk.volunteer.matching;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The volunteers allowed for one participant, best first. */
public final class Suggestions {

    /** Highest score first; equal scores by name, then by id, so the same input always gives the same list. */
    static final Comparator<Suggestion> BEST_FIRST = Comparator.comparingInt(Suggestion::score).reversed()
            .thenComparing(suggestion -> suggestion.candidate().name())
            .thenComparing(suggestion -> suggestion.candidate().volunteerId());

    private Suggestions() {
    }

    /** The candidates no hard rule forbids, scored and explained, highest score first. */
    public static List<Suggestion> rank(Seeker seeker, Collection<Candidate> candidates) {
        return candidates.stream().map(candidate -> MatchScore.score(seeker, candidate)).flatMap(Optional::stream)
                .sorted(BEST_FIRST).toList();
    }
}

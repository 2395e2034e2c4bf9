package no.tilfrisk.volunteer.matching;

import java.util.List;
import java.util.Objects;

/** A volunteer allowed for a participant, with the score and the reasons that make it up. */
public record Suggestion(Candidate candidate, int score, List<Reason> reasons) {

    public Suggestion {
        Objects.requireNonNull(candidate, "candidate");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

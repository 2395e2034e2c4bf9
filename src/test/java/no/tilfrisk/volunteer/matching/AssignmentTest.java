package no.tilfrisk.volunteer.matching;

import static no.tilfrisk.volunteer.matching.People.id;
import static no.tilfrisk.volunteer.matching.People.seeker;
import static no.tilfrisk.volunteer.matching.People.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The assignment on cases worked out by hand. Scores here come only from shared interests (10 each) and the load
 * part (10 for a volunteer with all places free), see {@link People}.
 */
class AssignmentTest {

    @Test
    void theSolverBeatsTheGreedyChoice() {
        Seeker anna = seeker("Anna").likes("fiske", "sjakk", "fotball").build();
        Seeker bjorn = seeker("Bjørn").likes("fotball", "musikk").build();
        Candidate xena = volunteer("Xena").likes("fiske", "sjakk", "fotball", "musikk").build();
        Candidate yngve = volunteer("Yngve").likes("fiske", "sjakk").build();
        // scores by hand (interests × 10 + load 10):
        //   Anna–Xena 3 × 10 + 10 = 40   Anna–Yngve 2 × 10 + 10 = 30
        //   Bjørn–Xena 2 × 10 + 10 = 30  Bjørn–Yngve 0 + 10 = 10
        // greedy takes the best pair first: Anna–Xena 40, then Bjørn–Yngve 10, total 50;
        // the optimum is Anna–Yngve 30 + Bjørn–Xena 30 = 60.
        List<Pairing> pairs = Assignment.solve(List.of(bjorn, anna), List.of(xena, yngve));

        assertThat(pairs).containsExactly(new Pairing(anna.personId(), yngve.volunteerId(), 30),
                new Pairing(bjorn.personId(), xena.volunteerId(), 30));
        assertThat(total(pairs)).isEqualTo(60);
    }

    @Test
    void aVolunteerGetsNoMoreThanTheFreePlaces() {
        // Xena has 3 places, 1 in use: 2 free; load part 10 × 2 / 3 = 6. Everyone prefers her:
        //   Xena: 2 × 10 + 6 = 26 for each; Yngve (1 place): 0 + 10 = 10 for each
        Candidate xena = volunteer("Xena").likes("fiske", "sjakk").load(1, 3).build();
        Candidate yngve = volunteer("Yngve").build();
        List<Seeker> three = List.of(seeker("A").likes("fiske", "sjakk").build(),
                seeker("B").likes("fiske", "sjakk").build(), seeker("C").likes("fiske", "sjakk").build());

        List<Pairing> pairs = Assignment.solve(three, List.of(xena, yngve));

        assertThat(pairs).hasSize(3);
        assertThat(pairs).filteredOn(p -> p.volunteerId().equals(xena.volunteerId())).hasSize(2);
        assertThat(total(pairs)).isEqualTo(26 + 26 + 10);
        assertThat(pairs).extracting(Pairing::personId).doesNotHaveDuplicates();
    }

    @Test
    void moreSeekersThanPlacesLeavesTheWeakestWithout() {
        // one volunteer with 2 places: the two seekers with the most shared interests get her
        //   A 3 × 10 + 10 = 40, B 2 × 10 + 10 = 30, C 1 × 10 + 10 = 20, D and E 10 each
        Candidate xena = volunteer("Xena").likes("a", "b", "c").load(0, 2).build();
        List<Seeker> five = List.of(seeker("E").build(), seeker("D").build(), seeker("C").likes("a").build(),
                seeker("B").likes("a", "b").build(), seeker("A").likes("a", "b", "c").build());

        List<Pairing> pairs = Assignment.solve(five, List.of(xena));

        assertThat(pairs).containsExactly(new Pairing(id("A"), xena.volunteerId(), 40),
                new Pairing(id("B"), xena.volunteerId(), 30));
    }

    @Test
    void aHardRuleRemovesTheBestScore() {
        Seeker anna = seeker("Anna").likes("fiske", "sjakk", "fotball").gender("FEMALE").build();
        // Xena would score 40 with Anna but wants a male participant; Yngve scores 20
        Candidate xena = volunteer("Xena").likes("fiske", "sjakk", "fotball").prefers("MALE").build();
        Candidate yngve = volunteer("Yngve").likes("fiske").build();

        assertThat(Assignment.solve(List.of(anna), List.of(xena, yngve)))
                .containsExactly(new Pairing(anna.personId(), yngve.volunteerId(), 20));
        assertThat(Suggestions.rank(anna, List.of(xena, yngve))).extracting(s -> s.candidate().name())
                .containsExactly("Yngve");
    }

    @Test
    void aVolunteerAlreadyMatchedWithARelativeIsNeverAssigned() {
        UUID mother = id("Anna's mother");
        Seeker anna = seeker("Anna").likes("fiske").relative(mother).build();
        Candidate xena = volunteer("Xena").likes("fiske").load(1, 2).matchedWith(mother).build();

        assertThat(Assignment.solve(List.of(anna), List.of(xena))).isEmpty();
    }

    @Test
    void fullOrUnscreenedVolunteersAreLeftOut() {
        Seeker anna = seeker("Anna").likes("fiske").build();
        Candidate full = volunteer("Full").likes("fiske").load(2, 2).build();
        Candidate unscreened = volunteer("Unscreened").likes("fiske").screening(false).build();

        assertThat(Assignment.solve(List.of(anna), List.of(full, unscreened))).isEmpty();
    }

    @Test
    void aPairScoringZeroIsNotProposed() {
        // capacity 20 with 19 in use: load part 10 × 1 / 20 = 0, nothing else in common
        Candidate busy = volunteer("Busy").load(19, 20).build();
        Seeker anna = seeker("Anna").build();
        assertThat(MatchScore.score(anna, busy).orElseThrow().score()).isZero();

        assertThat(Assignment.solve(List.of(anna), List.of(busy))).isEmpty();
    }

    @Test
    void emptyInputGivesNoPairs() {
        assertThat(Assignment.solve(List.of(), List.of())).isEmpty();
        assertThat(Assignment.solve(List.of(seeker("Anna").build()), List.of())).isEmpty();
        assertThat(Assignment.solve(List.of(), List.of(volunteer("Xena").build()))).isEmpty();
        assertThat(Suggestions.rank(seeker("Anna").build(), List.of())).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameAnswerInAnyOrder() {
        // four seekers, two volunteers with one place each, all pairs 10 or 20: several optima of total 40
        List<Seeker> seekers = List.of(seeker("D").likes("x").build(), seeker("C").likes("x").build(),
                seeker("B").likes("x").build(), seeker("A").likes("x").build());
        List<Candidate> candidates = List.of(volunteer("Y").likes("x").build(), volunteer("X").likes("x").build());

        List<Pairing> once = Assignment.solve(seekers, candidates);
        List<Pairing> reversed = Assignment.solve(reversed(seekers), reversed(candidates));

        assertThat(total(once)).isEqualTo(40);
        assertThat(reversed).isEqualTo(once);
        assertThat(once).extracting(Pairing::personId).isSortedAccordingTo((a, b) -> name(a).compareTo(name(b)));
    }

    @Test
    void suggestionsAreBestFirstAndTiesGoByName() {
        Seeker anna = seeker("Anna").likes("fiske", "sjakk").build();
        List<Candidate> candidates = List.of(volunteer("Ørjan").likes("fiske").build(),
                volunteer("Bente").likes("fiske").build(), volunteer("Cato").likes("fiske", "sjakk").build(),
                volunteer("Dag").likes("fiske").screening(false).build());

        List<Suggestion> ranked = Suggestions.rank(anna, candidates);

        assertThat(ranked).extracting(s -> s.candidate().name()).containsExactly("Cato", "Bente", "Ørjan");
        assertThat(ranked).extracting(Suggestion::score).containsExactly(30, 20, 20);
    }

    private static String name(UUID personId) {
        return List.of("A", "B", "C", "D").stream().filter(n -> id(n).equals(personId)).findFirst().orElseThrow();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static int total(List<Pairing> pairs) {
        return pairs.stream().mapToInt(Pairing::score).sum();
    }
}

package no.tilfrisk.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import no.tilfrisk.plan.LifeArea;

/**
 * The solver against brute force on small random instances (at most 5 participants and 4 volunteers, so at most
 * 5^5 = 3,125 ways to assign): the solver's total is the optimum, and its pairs break no rule.
 */
class AssignmentOptimumTest {

    @Property(tries = 400)
    void theSolversTotalIsTheBruteForceOptimum(@ForAll long seed) {
        Random random = new Random(seed);
        List<Seeker> seekers = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            seekers.add(seeker(random, "S" + i));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            candidates.add(candidate(random, "V" + i, seekers));
        }

        List<Pairing> pairs = Assignment.solve(seekers, candidates);

        for (Seeker seeker : seekers) {
            for (Candidate candidate : candidates) {
                assertThat(MatchScore.points(seeker, candidate)).as("the assignment scores as the suggestions do")
                        .isEqualTo(MatchScore.score(seeker, candidate).map(Suggestion::score).orElse(-1));
            }
        }

        assertThat(pairs).extracting(Pairing::personId).doesNotHaveDuplicates();
        Map<UUID, Integer> taken = new HashMap<>();
        for (Pairing pair : pairs) {
            Seeker seeker = seekers.stream().filter(s -> s.personId().equals(pair.personId())).findFirst().orElseThrow();
            Candidate candidate = candidates.stream().filter(c -> c.volunteerId().equals(pair.volunteerId()))
                    .findFirst().orElseThrow();
            assertThat(MatchScore.score(seeker, candidate)).as("an allowed pair with its score")
                    .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(pair.score()).isPositive());
            taken.merge(candidate.volunteerId(), 1, Integer::sum);
            assertThat(taken.get(candidate.volunteerId())).isLessThanOrEqualTo(candidate.remainingCapacity());
        }
        assertThat(AssignmentTest.total(pairs)).isEqualTo(bruteForce(seekers, candidates));
    }

    /** The greatest total over every way to give each participant one allowed volunteer or none. */
    static int bruteForce(List<Seeker> seekers, List<Candidate> candidates) {
        int[][] score = new int[seekers.size()][candidates.size()];
        for (int s = 0; s < seekers.size(); s++) {
            for (int c = 0; c < candidates.size(); c++) {
                score[s][c] = MatchScore.score(seekers.get(s), candidates.get(c)).map(Suggestion::score).orElse(0);
            }
        }
        int[] free = candidates.stream().mapToInt(Candidate::remainingCapacity).toArray();
        return best(0, score, free);
    }

    private static int best(int seeker, int[][] score, int[] free) {
        if (seeker == score.length) {
            return 0;
        }
        int best = best(seeker + 1, score, free);
        for (int c = 0; c < free.length; c++) {
            if (free[c] > 0 && score[seeker][c] > 0) {
                free[c]--;
                best = Math.max(best, score[seeker][c] + best(seeker + 1, score, free));
                free[c]++;
            }
        }
        return best;
    }

    private static final List<String> INTERESTS = List.of("fiske", "sjakk", "musikk", "turer");
    private static final List<String> AREAS = List.of("Grünerløkka", "Frogner");
    private static final List<Slot> SLOTS = List.of(new Slot(DayOfWeek.MONDAY, PartOfDay.EVENING),
            new Slot(DayOfWeek.TUESDAY, PartOfDay.MORNING), new Slot(DayOfWeek.SATURDAY, PartOfDay.AFTERNOON));
    private static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER");

    private static Seeker seeker(Random random, String name) {
        People.SeekerBuilder seeker = People.seeker(name);
        INTERESTS.stream().filter(i -> random.nextInt(3) == 0).forEach(seeker::likes);
        SLOTS.stream().filter(s -> random.nextBoolean()).forEach(seeker::free);
        if (random.nextBoolean()) {
            seeker.speaks("nb");
        }
        seeker.lives(random.nextInt(4) == 0 ? "Bergen" : "Oslo", AREAS.get(random.nextInt(AREAS.size())));
        for (LifeArea area : List.of(LifeArea.ECONOMY, LifeArea.LEGAL)) {
            if (random.nextInt(3) == 0) {
                seeker.needs(area);
            }
        }
        for (Wish wish : List.of(Wish.COMPANY, Wish.WALK_OUTDOORS, Wish.FINANCES)) {
            if (random.nextInt(3) == 0) {
                seeker.wishes(wish);
            }
        }
        return seeker.gender(GENDERS.get(random.nextInt(GENDERS.size()))).age(18 + random.nextInt(60)).build();
    }

    private static Candidate candidate(Random random, String name, List<Seeker> seekers) {
        People.CandidateBuilder candidate = People.volunteer(name);
        INTERESTS.stream().filter(i -> random.nextInt(3) == 0).forEach(candidate::likes);
        SLOTS.stream().filter(s -> random.nextBoolean()).forEach(candidate::free);
        candidate.speaks(random.nextBoolean() ? "nb" : "en");
        candidate.lives("Oslo", AREAS.get(random.nextInt(AREAS.size())));
        VolunteerKind kind = VolunteerKind.values()[random.nextInt(VolunteerKind.values().length)];
        candidate.kind(kind, kind == VolunteerKind.FAGFRIVILLIG ? new LifeArea[] {LifeArea.ECONOMY} : new LifeArea[0]);
        if (random.nextInt(5) == 0) {
            candidate.prefers(GENDERS.get(random.nextInt(GENDERS.size())));
        }
        if (random.nextInt(5) == 0) {
            candidate.ages(30, 60);
        }
        if (random.nextInt(6) == 0) {
            candidate.wontDo(Wish.COMPANY);
        }
        int capacity = 1 + random.nextInt(3);
        candidate.load(random.nextInt(capacity + 1), capacity).screening(random.nextInt(6) != 0);
        if (!seekers.isEmpty() && random.nextInt(6) == 0) {
            candidate.matchedWith(seekers.get(random.nextInt(seekers.size())).personId());
        }
        return candidate.build();
    }
}

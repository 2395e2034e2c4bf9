package no.tilfrisk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.volunteer.matching.Assignment;
import no.tilfrisk.volunteer.matching.Candidate;
import no.tilfrisk.volunteer.matching.MatchScore;
import no.tilfrisk.volunteer.matching.Pairing;
import no.tilfrisk.volunteer.matching.PartOfDay;
import no.tilfrisk.volunteer.matching.Places;
import no.tilfrisk.volunteer.matching.Seeker;
import no.tilfrisk.volunteer.matching.Slot;
import no.tilfrisk.volunteer.matching.Suggestions;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The matcher alone (pure Java, no database): the suggestions for one participant among 2,000 volunteers (target
 * p95 under 50 ms) and the assignment of 300 waiting participants to 500 volunteers (target under 2 s). The
 * instances are made from a fixed seed, so every run measures the same input. Both wall-clock and CPU time are
 * printed; the targets are checked on CPU time, see {@link Times}. Run by {@code bench/matching.sh};
 * not part of ./mvnw verify.
 */
@Tag("benchmark")
class MatchingBenchmark {

    static final long SEED = 20261207L;

    @Test
    void suggestionsForOneParticipantAmong2000Volunteers() {
        Random random = new Random(SEED);
        List<Candidate> volunteers = volunteers(random, 2_000, List.of());
        List<Seeker> participants = participants(random, 200);
        int[] next = {0};
        Times times = Times.of(500, 200, () -> {
            Seeker seeker = participants.get(next[0]++ % participants.size());
            if (Suggestions.rank(seeker, volunteers).isEmpty()) {
                throw new IllegalStateException("no suggestion for " + seeker.name());
            }
        });
        long allowed = participants.stream().mapToLong(p -> Suggestions.rank(p, volunteers).size()).sum();
        System.out.printf(Locale.ROOT, "matching, suggestions: 2,000 volunteers, %d allowed per participant on average%n",
                allowed / participants.size());
        times.print("suggestions for one participant among 2,000 volunteers");
        assertThat(times.cpu(0.95)).as("p95 under 50 ms (CPU time of the thread)").isLessThan(50);
    }

    @Test
    void assignmentOf300ParticipantsTo500Volunteers() {
        Random random = new Random(SEED + 1);
        List<Seeker> participants = participants(random, 300);
        List<Candidate> volunteers = volunteers(random, 500, participants);
        List<Pairing> pairs = Assignment.solve(participants, volunteers);
        Times times = Times.of(7, 3, () -> assertThat(Assignment.solve(participants, volunteers)).isEqualTo(pairs));

        long allowedPairs = participants.stream()
                .mapToLong(p -> volunteers.stream().filter(v -> MatchScore.score(p, v)
                        .filter(s -> s.score() > 0).isPresent()).count()).sum();
        int places = volunteers.stream().filter(Candidate::screeningComplete).mapToInt(Candidate::remainingCapacity)
                .sum();
        System.out.printf(Locale.ROOT, "matching, assignment: 300 participants, 500 volunteers (%d free places of"
                + " screened volunteers), %d allowed pairs; %d participants paired, total score %d%n",
                places, allowedPairs, pairs.size(), pairs.stream().mapToInt(Pairing::score).sum());
        times.print("assignment of 300 participants to 500 volunteers");
        assertThat(times.cpu(1.0)).as("under 2 s (CPU time of the thread)").isLessThan(2_000);
    }

    /**
     * Wall-clock and CPU milliseconds of n calls after a warm-up. The machine is shared (2 cores, often a load
     * average far above 2), so the wall time includes waiting for a core; the CPU time of the calling thread is the
     * matcher's own cost (it runs on that one thread), and is what the targets are checked against.
     */
    record Times(double[] wall, double[] cpu, double processCpu, String load) {

        static Times of(int n, int warmUp, Runnable call) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < warmUp; i++) {
                call.run();
            }
            String before = Timing.loadAverage();
            long process = processCpuNanos();
            double[] wall = new double[n];
            double[] cpu = new double[n];
            for (int i = 0; i < n; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                call.run();
                wall[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
            double processCpu = (processCpuNanos() - process) / 1e6 / n;
            Arrays.sort(wall);
            Arrays.sort(cpu);
            return new Times(wall, cpu, processCpu, before + "–" + Timing.loadAverage());
        }

        /** The whole JVM's CPU time: the thread's, and the garbage collector's and the JIT compiler's. */
        static long processCpuNanos() {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        double cpu(double q) {
            return cpu[Math.min(cpu.length - 1, (int) (cpu.length * q))];
        }

        double wall(double q) {
            return wall[Math.min(wall.length - 1, (int) (wall.length * q))];
        }

        void print(String what) {
            System.out.printf(Locale.ROOT, "matching, %s: %d calls, CPU p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                    + " whole JVM's CPU %.1f ms a call on average; wall p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                    + " (load average %s)%n", what, cpu.length, cpu(0.5), cpu(0.95), cpu(1.0), processCpu, wall(0.5),
                    wall(0.95), wall(1.0), load);
        }
    }

    // ---- the instances: shaped like a large organisation in and around Oslo ----

    static final List<String> INTERESTS = List.of("fiske", "sjakk", "fotball", "musikk", "turer", "matlaging",
            "strikking", "film", "lesing", "trening", "dataspill", "kunst", "hagearbeid", "sykling", "svømming",
            "foto", "dans", "brettspill", "bilmekking", "friluftsliv", "gitar", "kor", "klatring", "yoga",
            "snekring", "bowling", "biljard", "kaffe", "historie", "dyr");
    static final Map<String, List<String>> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("Oslo", List.of("Grünerløkka", "Gamle Oslo", "Sagene", "St. Hanshaugen", "Frogner", "Alna",
                "Grorud", "Stovner", "Søndre Nordstrand", "Nordstrand", "Østensjø", "Bjerke", "Ullern"));
        PLACES.put("Bærum", List.of("Sandvika", "Bekkestua", "Stabekk"));
        PLACES.put("Lillestrøm", List.of("Lillestrøm sentrum", "Skedsmokorset", "Strømmen"));
        PLACES.put("Asker", List.of("Asker sentrum", "Heggedal"));
        PLACES.put("Nordre Follo", List.of("Ski", "Kolbotn"));
    }

    static final List<String> LANGUAGES = List.of("en", "ar", "so", "pl", "ti", "uk", "fa", "es");
    static final List<String> GENDERS = List.of("FEMALE", "MALE", "OTHER");

    static List<Seeker> participants(Random random, int count) {
        List<Seeker> seekers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String municipality = municipality(random);
            Set<Wish> wishes = new HashSet<>();
            wishes.add(Wish.values()[random.nextInt(Wish.values().length)]);
            if (random.nextBoolean()) {
                wishes.add(Wish.values()[random.nextInt(Wish.values().length)]);
            }
            Set<LifeArea> needs = new HashSet<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                needs.add(LifeArea.values()[random.nextInt(LifeArea.values().length)]);
            }
            Set<UUID> relatives = new HashSet<>();
            if (random.nextInt(10) == 0) {
                relatives.add(id("relative", random.nextInt(100)));
            }
            seekers.add(located(new Seeker(id("participant", i), "Deltaker " + i, interests(random, 1 + random.nextInt(5)),
                    languages(random), municipality, area(random, municipality), slots(random), needs, wishes,
                    GENDERS.get(random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 9 ? 1 : 2), 18 + random.nextInt(60),
                    relatives)));
        }
        return seekers;
    }

    static List<Candidate> volunteers(Random random, int count, List<Seeker> participants) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String municipality = municipality(random);
            VolunteerKind kind = VolunteerKind.values()[random.nextInt(VolunteerKind.values().length)];
            Set<LifeArea> skills = new HashSet<>();
            if (kind == VolunteerKind.FAGFRIVILLIG) {
                skills.add(List.of(LifeArea.ECONOMY, LifeArea.LEGAL, LifeArea.WORK_EDUCATION, LifeArea.HOUSING)
                        .get(random.nextInt(4)));
            }
            Set<Wish> wontDo = new HashSet<>();
            if (random.nextInt(10) == 0) {
                wontDo.add(Wish.values()[random.nextInt(Wish.values().length)]);
            }
            int capacity = 1 + random.nextInt(3);
            Set<UUID> matched = new HashSet<>();
            int active = random.nextInt(capacity + 1);
            for (int m = 0; m < active; m++) {
                matched.add(random.nextInt(4) == 0 ? id("relative", random.nextInt(100))
                        : !participants.isEmpty() && random.nextInt(20) == 0
                                ? participants.get(random.nextInt(participants.size())).personId()
                                : id("earlier", random.nextInt(10_000)));
            }
            boolean ageLimit = random.nextInt(7) == 0;
            candidates.add(located(new Candidate(id("volunteer", i), "Frivillig " + i, interests(random, 1 + random.nextInt(5)),
                    languages(random), municipality, area(random, municipality), slots(random), skills, kind,
                    random.nextInt(5) == 0 ? GENDERS.get(random.nextInt(2)) : null, ageLimit ? 25 : null,
                    ageLimit ? 65 : null, wontDo, capacity, active, random.nextInt(100) < 85, matched)));
        }
        return candidates;
    }

    /** Placed at the shipped centre point of their bydel or municipality, as MatchLoader places them (no random draw). */
    private static Seeker located(Seeker s) {
        return new Seeker(s.personId(), s.name(), s.interests(), s.languages(), s.municipality(), s.area(),
                s.availability(), s.needAreas(), s.wishes(), s.gender(), s.age(), s.relativePersonIds(),
                Places.shipped().locate(s.municipality(), s.area()).orElse(null));
    }

    private static Candidate located(Candidate c) {
        return new Candidate(c.volunteerId(), c.name(), c.interests(), c.languages(), c.municipality(), c.area(),
                c.availability(), c.skillAreas(), c.kind(), c.preferredGender(), c.minAge(), c.maxAge(), c.wontDo(),
                c.capacity(), c.activeMatches(), c.screeningComplete(), c.matchedPersonIds(),
                Places.shipped().locate(c.municipality(), c.area()).orElse(null));
    }

    private static Map<UUID, String> interests(Random random, int count) {
        Map<UUID, String> interests = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(INTERESTS.size());
            interests.put(id("interest", n), INTERESTS.get(n));
        }
        return interests;
    }

    private static Set<String> languages(Random random) {
        Set<String> languages = new HashSet<>();
        if (random.nextInt(10) < 9) {
            languages.add("nb");
        }
        for (int n = random.nextInt(3); n > 0 || languages.isEmpty(); n--) {
            languages.add(LANGUAGES.get(random.nextInt(LANGUAGES.size())));
        }
        return languages;
    }

    private static String municipality(Random random) {
        List<String> names = new ArrayList<>(PLACES.keySet());
        return random.nextInt(10) < 6 ? "Oslo" : names.get(random.nextInt(names.size()));
    }

    private static String area(Random random, String municipality) {
        List<String> areas = PLACES.get(municipality);
        return random.nextInt(10) == 0 ? null : areas.get(random.nextInt(areas.size()));
    }

    private static Set<Slot> slots(Random random) {
        Set<Slot> slots = new HashSet<>();
        for (int n = 2 + random.nextInt(5); n > 0; n--) {
            slots.add(new Slot(DayOfWeek.of(1 + random.nextInt(7)), PartOfDay.values()[random.nextInt(3)]));
        }
        return slots;
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes((kind + ":" + n).getBytes());
    }
}

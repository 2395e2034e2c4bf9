package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.OutcomeHistory;
import no.tilfrisk.outcome.ResponseForm;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import org.springframework.stereotype.Component;

/**
 * Outcome responses of the demo participants over the last two years, through the same service as the pages: WHO-5,
 * Russtatus, Livskvalitet and Meningsfullt liv every six months (every three for Dag Deltaker), BARC-10 at the first
 * and the latest. Most get better, some stay, some relapse; most aim at abstinence, some at reduced use. About one in
 * four has not answered for half a year, and Dag not for six weeks, so that measurements are due on «Mine oppgaver»
 * and on «Min side».
 */
@Component
class DemoOutcomes {

    private final PersonDirectory persons;
    private final OutcomeHistory outcomes;
    private final Instruments instruments;
    private final Clock clock;

    DemoOutcomes(PersonDirectory persons, OutcomeHistory outcomes, Instruments instruments, Clock clock) {
        this.clock = clock;
        this.persons = persons;
        this.outcomes = outcomes;
        this.instruments = instruments;
    }

    void write(List<Department> departments, UUID dag) {
        Random random = new Random(2026);
        List<OutcomeHistory.Answered> answered = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Department department : departments) {
            List<PersonSummary> participants = persons.search("", department.id(), PersonRole.PARTICIPANT, 0, 100).items();
            for (PersonSummary participant : participants) {
                boolean isDag = participant.id().equals(dag);
                int step = isDag ? 90 : 180;
                int occasions = isDag ? 8 : 5;
                boolean lapsed = !isDag && random.nextInt(4) == 0;
                double progress = isDag ? 0.8 : random.nextDouble();
                int roll = random.nextInt(10);
                int goal = isDag || roll < 7 ? 1 : roll < 9 ? 2 : 3;
                boolean relapses = random.nextInt(6) == 0;
                for (int k = 0; k < occasions; k++) {
                    if (lapsed && k == occasions - 1) {
                        break;
                    }
                    int daysAgo = (isDag ? 45 : 20) + step * (occasions - 1 - k) + random.nextInt(10);
                    LocalDate on = today.minusDays(daysAgo);
                    double t = (double) k / (occasions - 1) * progress;
                    answer(answered, participant.id(), "who-5", on, who5(t, random));
                    answer(answered, participant.id(), "livskvalitet", on, Map.of("satisfaction", clamp(3 + (int) Math.round(5 * t) + random.nextInt(3) - 1, 0, 10)));
                    answer(answered, participant.id(), "meningsfullt-liv", on, Map.of("meaning", clamp(3 + (int) Math.round(6 * t) + random.nextInt(3) - 1, 0, 10)));
                    boolean clean = k > 0 && t > 0.25 && !(relapses && k == occasions - 2);
                    answer(answered, participant.id(), "russtatus", on, russtatus(clean, goal, random));
                    boolean lastOne = k == occasions - 1 || (lapsed && k == occasions - 2);
                    if (k == 0 || lastOne) {
                        answer(answered, participant.id(), "barc-10", on, barc(t, random));
                    }
                }
            }
        }
        outcomes.recordAll(answered); // in one go: about 750 responses
    }

    private static void answer(List<OutcomeHistory.Answered> answered, UUID person, String instrumentId, LocalDate on,
                               Map<String, Integer> answers) {
        answered.add(new OutcomeHistory.Answered(UUID.randomUUID(), person, ResponseForm.of(instrumentId, on, answers)));
    }

    private Map<String, Integer> who5(double t, Random random) {
        Map<String, Integer> a = new HashMap<>();
        for (Instrument.Item item : instruments.find("who-5").orElseThrow().items()) {
            a.put(item.id(), clamp(1 + (int) Math.round(3 * t) + random.nextInt(3) - 1, 0, 5));
        }
        return a;
    }

    private Map<String, Integer> barc(double t, Random random) {
        Map<String, Integer> a = new HashMap<>();
        for (Instrument.Item item : instruments.find("barc-10").orElseThrow().items()) {
            a.put(item.id(), clamp(3 + (int) Math.round(2.5 * t) + random.nextInt(2), 1, 6));
        }
        return a;
    }

    private Map<String, Integer> russtatus(boolean clean, int goal, Random random) {
        Map<String, Integer> a = new HashMap<>();
        for (Instrument.Item item : instruments.find("russtatus").orElseThrow().items()) {
            a.put(item.id(), 0);
        }
        if (!clean) {
            a.put("alcohol", 2 + random.nextInt(20));
            if (random.nextBoolean()) {
                a.put("cannabis", random.nextInt(10));
            }
        }
        a.put("goal", goal);
        return a;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}

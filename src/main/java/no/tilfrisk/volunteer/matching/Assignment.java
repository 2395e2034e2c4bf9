package no.tilfrisk.volunteer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem.MinimumCostFlowProblemImpl;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm.MinimumCostFlow;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Many participants and many volunteers at once: the pairs that give the greatest total score, with each
 * participant given at most one volunteer and each volunteer at most {@code capacity - activeMatches} new ones, and
 * only pairs that no hard rule forbids and that score above 0.
 *
 * <p>Solved as a minimum-cost flow (JGraphT's capacity scaling): every participant supplies one unit, which reaches
 * the sink either through a volunteer (arc participant → volunteer of capacity 1, volunteer → sink of capacity
 * the remaining places) or through the participant's own bypass arc to the sink. With M above every score, the
 * arc to a volunteer costs M - score and the bypass costs M, all costs non-negative: every participant pays M once,
 * less the score of the pair if paired, so the cheapest flow is the assignment with the greatest total score. A
 * participant is left out only when that is better for the total (or no volunteer is allowed). Scores are integers
 * and the arc capacities too, so the optimal flow found is integral and exact.
 */
public final class Assignment {

    private static final Comparator<Seeker> SEEKER_ORDER =
            Comparator.comparing(Seeker::name).thenComparing(Seeker::personId);
    private static final Comparator<Candidate> CANDIDATE_ORDER =
            Comparator.comparing(Candidate::name).thenComparing(Candidate::volunteerId);

    private Assignment() {
    }

    /** The pairs of an assignment with the greatest total score, sorted by the participant's name, then id. */
    public static List<Pairing> solve(List<Seeker> seekers, List<Candidate> candidates) {
        List<Seeker> seekersInOrder = seekers.stream().sorted(SEEKER_ORDER).toList();
        List<Candidate> candidatesInOrder = candidates.stream().filter(c -> c.remainingCapacity() > 0)
                .sorted(CANDIDATE_ORDER).toList();

        Graph<Object, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Object sink = new Object();
        graph.addVertex(sink);
        Map<DefaultWeightedEdge, Integer> capacities = new HashMap<>();
        Map<DefaultWeightedEdge, Pairing> pairings = new HashMap<>();
        List<Arc> arcs = new ArrayList<>();
        int best = 0;
        for (Seeker seeker : seekersInOrder) {
            for (Candidate candidate : candidatesInOrder) {
                int score = MatchScore.score(seeker, candidate).map(Suggestion::score).orElse(0);
                if (score > 0) {
                    arcs.add(new Arc(seeker, candidate, score));
                    best = Math.max(best, score);
                }
            }
        }
        if (arcs.isEmpty()) {
            return List.of();
        }
        double bypassCost = best + 1.0;
        Map<Seeker, Object> seekerNodes = new HashMap<>();
        Map<Candidate, Object> candidateNodes = new HashMap<>();
        Map<Object, Integer> supply = new HashMap<>();
        for (Arc arc : arcs) {
            Object from = seekerNodes.computeIfAbsent(arc.seeker(), seeker -> {
                Object node = new Object();
                graph.addVertex(node);
                supply.put(node, 1);
                DefaultWeightedEdge bypass = graph.addEdge(node, sink);
                graph.setEdgeWeight(bypass, bypassCost);
                capacities.put(bypass, 1);
                return node;
            });
            Object to = candidateNodes.computeIfAbsent(arc.candidate(), candidate -> {
                Object node = new Object();
                graph.addVertex(node);
                DefaultWeightedEdge out = graph.addEdge(node, sink);
                graph.setEdgeWeight(out, 0.0);
                capacities.put(out, candidate.remainingCapacity());
                return node;
            });
            DefaultWeightedEdge edge = graph.addEdge(from, to);
            graph.setEdgeWeight(edge, bypassCost - arc.score());
            capacities.put(edge, 1);
            pairings.put(edge, new Pairing(arc.seeker().personId(), arc.candidate().volunteerId(), arc.score()));
        }
        supply.put(sink, -seekerNodes.size());

        MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<Object, DefaultWeightedEdge>()
                .getMinimumCostFlow(new MinimumCostFlowProblemImpl<>(graph,
                        node -> supply.getOrDefault(node, 0), capacities::get));

        Map<UUID, Seeker> byId = new HashMap<>();
        seekersInOrder.forEach(seeker -> byId.put(seeker.personId(), seeker));
        return pairings.entrySet().stream().filter(e -> flow.getFlow(e.getKey()) > 0.5).map(Map.Entry::getValue)
                .sorted(Comparator.comparing((Pairing p) -> byId.get(p.personId()), SEEKER_ORDER))
                .toList();
    }

    private record Arc(Seeker seeker, Candidate candidate, int score) {
    }
}

package no.tilfrisk.volunteer.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * less the score of the pair if paired, so the cheapest flow is the assignment with the greatest total score. Every
 * pair scores above 0, so a participant is left out only when no allowed volunteer has a place left for them in an
 * optimal assignment. Scores and capacities are integers, so the optimal flow found is integral and exact.
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
        List<Arc> arcs = new ArrayList<>();
        for (int s = 0; s < seekersInOrder.size(); s++) {
            for (int c = 0; c < candidatesInOrder.size(); c++) {
                int score = MatchScore.points(seekersInOrder.get(s), candidatesInOrder.get(c));
                if (score > 0) {
                    arcs.add(new Arc(s, c, score));
                }
            }
        }
        return solve(seekersInOrder, candidatesInOrder, arcs);
    }

    /**
     * The flow over the allowed pairs ({@code arcs}, indexes into the two lists, in the lists' order), as described
     * above; the pairs with flow, in the order of the seekers.
     */
    private static List<Pairing> solve(List<Seeker> seekers, List<Candidate> candidates, List<Arc> arcs) {
        if (arcs.isEmpty()) {
            return List.of();
        }
        double bypassCost = arcs.stream().mapToInt(Arc::score).max().orElseThrow() + 1.0;
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        // vertices: seeker s is s, candidate c is seekers.size() + c, the sink is -1
        int sink = -1;
        graph.addVertex(sink);
        Map<DefaultWeightedEdge, Integer> capacities = new HashMap<>();
        Map<DefaultWeightedEdge, Arc> pairs = new HashMap<>();
        Map<Integer, Integer> supply = new HashMap<>();
        for (Arc arc : arcs) {
            int seeker = arc.seeker();
            int candidate = seekers.size() + arc.candidate();
            if (graph.addVertex(seeker)) {
                supply.put(seeker, 1);
                addArc(graph, capacities, seeker, sink, 1, bypassCost);
            }
            if (graph.addVertex(candidate)) {
                addArc(graph, capacities, candidate, sink, candidates.get(arc.candidate()).remainingCapacity(), 0.0);
            }
            pairs.put(addArc(graph, capacities, seeker, candidate, 1, bypassCost - arc.score()), arc);
        }
        supply.put(sink, -supply.size());

        MinimumCostFlow<DefaultWeightedEdge> flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(new MinimumCostFlowProblemImpl<>(graph, node -> supply.getOrDefault(node, 0),
                        capacities::get, edge -> 0, graph::getEdgeWeight));
        return pairs.entrySet().stream().filter(pair -> flow.getFlow(pair.getKey()) > 0.5).map(Map.Entry::getValue)
                .sorted(Comparator.comparingInt(Arc::seeker))
                .map(arc -> new Pairing(seekers.get(arc.seeker()).personId(),
                        candidates.get(arc.candidate()).volunteerId(), arc.score()))
                .toList();
    }

    private static DefaultWeightedEdge addArc(Graph<Integer, DefaultWeightedEdge> graph,
            Map<DefaultWeightedEdge, Integer> capacities, int from, int to, int capacity, double cost) {
        DefaultWeightedEdge edge = graph.addEdge(from, to);
        graph.setEdgeWeight(edge, cost);
        capacities.put(edge, capacity);
        return edge;
    }

    /** An allowed pair with its score: indexes into the sorted seekers and candidates. */
    private record Arc(int seeker, int candidate, int score) {
    }
}

package no.tilfrisk.report.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilfrisk.report.disclosure.Publication.Relation;
import no.tilfrisk.report.disclosure.Publication.Term;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's audit: knowing every published figure, every relation of the {@link Publication}, and that every
 * figure is a whole number of at least 0, how large can a hidden count be? Solved as an integer linear programme
 * with ojAlgo over the hidden figures that the relations tie to the count (published figures are constants). The
 * linear relaxation is solved first; where its optimum is already whole, or below the threshold (the whole-number
 * optimum can only be lower), that is the answer; otherwise the integer programme is solved.
 */
public final class Audit {

    /** Larger than any count a report holds: a maximum this large means «as large as you like». */
    static final long CAP = 100_000_000L;

    /**
     * The largest value the count could have, and values of the hidden figures (the count's among them) that agree
     * with everything published and reach it: the attacker's best guess, which a test can check by hand.
     */
    public record Bound(String key, long maximum, Map<String, Long> witness) {
    }

    private final Publication publication;
    private final Map<String, List<Relation>> relationsOf = new HashMap<>();

    public Audit(Publication publication) {
        this.publication = publication;
        for (Relation r : publication.relations()) {
            for (Term t : r.terms()) {
                relationsOf.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** The hidden figures tied to this one by relations through other hidden figures, itself first. */
    Set<String> component(String key, Set<String> hidden) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        seen.add(key);
        todo.add(key);
        while (!todo.isEmpty()) {
            for (Relation r : relationsOf.getOrDefault(todo.poll(), List.of())) {
                for (Term t : r.terms()) {
                    if (hidden.contains(t.key()) && seen.add(t.key())) {
                        todo.add(t.key());
                    }
                }
            }
        }
        return seen;
    }

    /** The published figures that share a relation with the hidden figures tied to this one. */
    Set<String> neighbours(String key, Set<String> hidden) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : component(key, hidden)) {
            for (Relation r : relationsOf.getOrDefault(k, List.of())) {
                for (Term t : r.terms()) {
                    if (!hidden.contains(t.key())) {
                        out.add(t.key());
                    }
                }
            }
        }
        return out;
    }

    /** The largest value the hidden figure {@code key} could have, given that the figures in {@code hidden} are hidden. */
    public Bound maximum(String key, Set<String> hidden) {
        if (!hidden.contains(key)) {
            long v = publication.figure(key).value();
            return new Bound(key, v, Map.of(key, v));
        }
        Set<String> unknowns = component(key, hidden);
        Set<Relation> involved = new LinkedHashSet<>();
        unknowns.forEach(k -> involved.addAll(relationsOf.getOrDefault(k, List.of())));

        Bound relaxed = solve(key, unknowns, involved, hidden, false);
        if (relaxed.maximum() < Suppression.THRESHOLD || isWhole(relaxed)) {
            return relaxed;
        }
        return solve(key, unknowns, involved, hidden, true);
    }

    private static boolean isWhole(Bound b) {
        return b.witness() != null;
    }

    private Bound solve(String key, Set<String> unknowns, Set<Relation> involved, Set<String> hidden, boolean integer) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (String k : unknowns) {
            Variable v = model.addVariable(k).lower(0).upper(CAP);
            if (integer) {
                v.integer(true);
            }
            if (k.equals(key)) {
                v.weight(1);
            }
            variables.put(k, v);
        }
        int i = 0;
        for (Relation r : involved) {
            long constant = 0;
            Expression e = model.addExpression("r" + i++);
            for (Term t : r.terms()) {
                Variable v = variables.get(t.key());
                if (v != null) {
                    e.set(v, t.coefficient());
                } else {
                    constant += t.coefficient() * publication.figure(t.key()).value();
                }
            }
            // Σ unknowns (=|≤) −Σ known
            if (r.equality()) {
                e.level(-constant);
            } else {
                e.upper(-constant);
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible()) {
            // the true figures always fit, so this is the solver failing: take the count as unprotected
            return new Bound(key, publication.figure(key).value(), null);
        }
        double max = result.getValue();
        long maximum = (long) Math.floor(max + 1e-6);
        Map<String, Long> witness = new LinkedHashMap<>();
        int j = 0;
        boolean whole = true;
        for (String k : unknowns) {
            double value = result.doubleValue(j++);
            long rounded = Math.round(value);
            if (Math.abs(value - rounded) > 1e-6) {
                whole = false;
            }
            witness.put(k, rounded);
        }
        return new Bound(key, maximum, whole ? witness : null);
    }
}

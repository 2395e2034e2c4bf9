package no.tilfrisk.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilfrisk.report.disclosure.Publication.Figure;
import no.tilfrisk.report.disclosure.Publication.Kind;

/**
 * Small-number protection of a whole {@link Publication}, for readers who may not see persons.
 * <ol>
 *   <li><b>Primary</b>: every count of persons from 1 to 4 is hidden (and so is every figure that is not
 *       published).</li>
 *   <li><b>Secondary</b>: as long as the {@link Audit} finds a protected count (a primary one, or an unpublished
 *       count of 1 to 4) that an attacker could bound below {@value #THRESHOLD}, one more published figure that
 *       shares a relation with it is hidden: the first one, in the order smallest count above 0 first, that makes
 *       the audit pass alone, or else the one that raises the attacker's bound the most. Then, largest first, every
 *       secondary figure that is not needed after all is shown again.</li>
 *   <li><b>Derived</b> figures (shares, intervals, amounts) are hidden where anything they are computed from is.</li>
 * </ol>
 * The result passes the audit for every protected count; where no choice could make it pass, everything the count
 * is tied to is hidden. The search for further cells is greedy: few, not proven fewest.
 */
public final class Suppression {

    /** Counts of persons below this (and above 0) are hidden. */
    public static final int THRESHOLD = 5;

    /** What is hidden and why, and the audit's bound for each protected count. */
    public record Result(Set<String> primary, Set<String> secondary, Set<String> derived,
                         Map<String, Audit.Bound> bounds) {

        public boolean hidden(String key) {
            return primary.contains(key) || secondary.contains(key) || derived.contains(key);
        }

        /** Every hidden figure that is not derived: what the attacker does not see among the counts. */
        public Set<String> hiddenCounts() {
            Set<String> all = new LinkedHashSet<>(primary);
            all.addAll(secondary);
            return all;
        }
    }

    private final Publication publication;
    private final Audit audit;
    private final Set<String> protectedCounts = new LinkedHashSet<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<String> secondary = new LinkedHashSet<>();

    private Suppression(Publication publication) {
        publication.validate();
        this.publication = publication;
        this.audit = new Audit(publication);
    }

    public static Result apply(Publication publication) {
        return new Suppression(publication).run();
    }

    /** Whether a count of persons is small enough to be hidden for itself. */
    public static boolean isSmall(long count) {
        return count > 0 && count < THRESHOLD;
    }

    private Result run() {
        Set<String> primary = new LinkedHashSet<>();
        for (Figure f : publication.figures()) {
            if (f.kind() == Kind.DERIVED) {
                continue;
            }
            boolean small = f.kind() == Kind.PERSONS && isSmall(f.value());
            if (small) {
                protectedCounts.add(f.key());
            }
            if (small || !f.published()) {
                hidden.add(f.key());
                if (f.published()) {
                    primary.add(f.key());
                }
            }
        }
        for (String key : protectedCounts) {
            protect(key);
        }
        showWhatIsNotNeeded();
        Map<String, Audit.Bound> bounds = new LinkedHashMap<>();
        for (String key : protectedCounts) {
            bounds.put(key, audit.maximum(key, hidden));
        }
        return new Result(Set.copyOf(primary), Set.copyOf(secondary), derivedHidden(), bounds);
    }

    private boolean safe(String key) {
        return audit.maximum(key, hidden).maximum() >= THRESHOLD;
    }

    /** Hides further figures until the count passes the audit, or nothing tied to it is left to hide. */
    private void protect(String key) {
        while (!safe(key)) {
            List<String> candidates = new ArrayList<>(audit.neighbours(key, hidden));
            if (candidates.isEmpty()) {
                return;
            }
            candidates.sort(Comparator.comparing((String k) -> publication.figure(k).value() == 0 ? 1 : 0)
                    .thenComparing(k -> publication.figure(k).value()).thenComparing(k -> k));
            String best = null;
            long bestBound = -1;
            for (String c : candidates) {
                hidden.add(c);
                long bound = audit.maximum(key, hidden).maximum();
                hidden.remove(c);
                if (bound >= THRESHOLD) {
                    best = c;
                    break;
                }
                if (bound > bestBound) {
                    best = c;
                    bestBound = bound;
                }
            }
            hidden.add(best);
            secondary.add(best);
        }
    }

    /** Shows again, largest first, every secondary figure that no protected count needs. */
    private void showWhatIsNotNeeded() {
        List<String> further = new ArrayList<>(secondary);
        further.sort(Comparator.comparing((String k) -> publication.figure(k).value()).reversed().thenComparing(k -> k));
        for (String k : further) {
            hidden.remove(k);
            Set<String> affected = new LinkedHashSet<>();
            for (String p : protectedCounts) {
                if (audit.component(p, withKey(k)).contains(k)) {
                    affected.add(p);
                }
            }
            if (affected.stream().allMatch(this::safe)) {
                secondary.remove(k);
            } else {
                hidden.add(k);
            }
        }
    }

    private Set<String> withKey(String k) {
        Set<String> s = new LinkedHashSet<>(hidden);
        s.add(k);
        return s;
    }

    private Set<String> derivedHidden() {
        Set<String> out = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<String>> e : publication.derivedFrom().entrySet()) {
                if (!out.contains(e.getKey())
                        && e.getValue().stream().anyMatch(k -> hidden.contains(k) || out.contains(k))) {
                    out.add(e.getKey());
                    changed = true;
                }
            }
        }
        return Set.copyOf(out);
    }
}

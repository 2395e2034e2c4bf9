package no.tilfrisk.report.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every figure a set of reports publishes, with what an attacker knows about how they hang together. One
 * publication holds all the reports a reader may fetch together (the organisation and each department for one
 * year), so that {@link Suppression} protects them as one set.
 * <p>
 * A figure is known by a stable key: the same count shown in two tables, two sections or two scopes is one figure,
 * registered twice with one key, and so is hidden or shown everywhere at once. Figures are:
 * <ul>
 *   <li>{@link Kind#PERSONS}: a count of persons. From 1 to 4 it is hidden (primary suppression) and the audit
 *       must show that no one can work it out to be under 5. A count of persons may be registered as
 *       {@linkplain #unpublishedPersons not published} (the answers «no» of a share, shown only as n − yes): it is
 *       never shown, but protected all the same.</li>
 *   <li>{@link Kind#COUNT}: a count of something else (contacts, sessions, attendances, meetings). Never hidden for
 *       its own sake, but hidden where it would give a count of persons away.</li>
 *   <li>{@link Kind#DERIVED}: a figure computed from others (a share, an interval, an amount = count × kroner). It
 *       is shown only where every figure it is computed from is shown, and takes no part in the relations.</li>
 * </ul>
 * Relations are linear and hold for the true figures: {@link #sum} (a total = the sum of its parts), {@link #atMost}
 * (a count of distinct persons is at most the contacts they had; a department's count is at most the
 * organisation's), {@link #atMostSum} (distinct persons of a whole is at most the sum of its parts). Every figure is
 * a whole number of at least 0; the attacker knows that too.
 */
public final class Publication {

    /** What a figure counts. */
    public enum Kind {
        PERSONS, COUNT, DERIVED
    }

    /** One figure: its key, its true value (0 for a derived one), its kind, and whether it appears in the output. */
    public record Figure(String key, long value, Kind kind, boolean published) {
    }

    /** One term of a relation: coefficient × figure. */
    public record Term(String key, long coefficient) {
    }

    /** Σ coefficient × figure = 0 ({@code equality}), or ≤ 0. */
    public record Relation(List<Term> terms, boolean equality) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> derivedFrom = new LinkedHashMap<>();
    private final Set<Relation> relations = new LinkedHashSet<>();

    /** A count of persons that is published. Returns its key. */
    public String persons(String key, long value) {
        return add(new Figure(key, value, Kind.PERSONS, true));
    }

    /** A count of persons that the output never shows but that follows from what it shows (n − yes). */
    public String unpublishedPersons(String key, long value) {
        return add(new Figure(key, value, Kind.PERSONS, false));
    }

    /**
     * The rest of a whole that the output shows only as whole and part (the answers «no» of a share: n − yes): a
     * count of persons never shown but protected, with whole = part + rest. Both must be registered first.
     */
    public String unpublishedRest(String whole, String part, String rest) {
        unpublishedPersons(rest, figure(whole).value() - figure(part).value());
        sum(whole, List.of(part, rest));
        return rest;
    }

    /** A count of something other than persons. */
    public String count(String key, long value) {
        return add(new Figure(key, value, Kind.COUNT, true));
    }

    /** A figure computed from others: shown only where all of them are. */
    public String derived(String key, String... from) {
        add(new Figure(key, 0, Kind.DERIVED, true));
        derivedFrom.merge(key, List.of(from), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            b.stream().filter(k -> !all.contains(k)).forEach(all::add);
            return List.copyOf(all);
        });
        return key;
    }

    /** total = Σ parts. */
    public void sum(String total, Collection<String> parts) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(total, -1));
        parts.forEach(p -> terms.add(new Term(p, 1)));
        relations.add(new Relation(List.copyOf(terms), true));
    }

    /** smaller ≤ larger. */
    public void atMost(String smaller, String larger) {
        relations.add(new Relation(List.of(new Term(smaller, 1), new Term(larger, -1)), false));
    }

    /** total ≤ Σ parts (distinct persons of a whole, each of whom is in at least one part). */
    public void atMostSum(String total, Collection<String> parts) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(total, 1));
        parts.forEach(p -> terms.add(new Term(p, -1)));
        relations.add(new Relation(List.copyOf(terms), false));
    }

    private String add(Figure f) {
        Objects.requireNonNull(f.key(), "key");
        if (f.value() < 0) {
            throw new IllegalArgumentException("A figure cannot be negative: " + f.key());
        }
        Figure before = figures.putIfAbsent(f.key(), f);
        if (before != null && !before.equals(f)) {
            throw new IllegalStateException("The figure " + f.key() + " is registered twice as different figures: "
                    + before + " and " + f);
        }
        return f.key();
    }

    public Figure figure(String key) {
        Figure f = figures.get(key);
        if (f == null) {
            throw new IllegalArgumentException("No figure " + key);
        }
        return f;
    }

    public boolean has(String key) {
        return figures.containsKey(key);
    }

    public Collection<Figure> figures() {
        return figures.values();
    }

    public Set<Relation> relations() {
        return relations;
    }

    public Map<String, List<String>> derivedFrom() {
        return derivedFrom;
    }

    /** Checks that every relation names registered figures that are not derived, and that the true values hold. */
    public void validate() {
        for (Relation r : relations) {
            long total = 0;
            for (Term t : r.terms()) {
                Figure f = figure(t.key());
                if (f.kind() == Kind.DERIVED) {
                    throw new IllegalStateException("A derived figure cannot be in a relation: " + t.key());
                }
                total += t.coefficient() * f.value();
            }
            if (r.equality() ? total != 0 : total > 0) {
                throw new IllegalStateException("A relation does not hold for the true figures: " + r);
            }
        }
        derivedFrom.values().forEach(from -> from.forEach(this::figure));
    }
}

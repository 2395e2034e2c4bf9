package no.tilfrisk.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.person.PersonImport.Candidate;

/**
 * The one rule by which a name in a file finds a person (written on the import page too): the name equals a
 * person's display name or full name, ignoring case and extra spaces; where the file gives a birth year, the person's
 * birth year must be the same. Only persons the importer may see are matched. One match is that person; none is
 * nobody; several must be chosen between on the dry-run page.
 */
final class PersonMatcher {

    private final Map<String, List<Candidate>> byName = new HashMap<>();

    PersonMatcher(List<Candidate> candidates) {
        candidates.forEach(this::add);
    }

    void add(Candidate c) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Cells.nameKey(c.displayName()));
        if (c.fullName() != null) {
            keys.add(Cells.nameKey(c.fullName()));
        }
        keys.forEach(k -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
    }

    List<Candidate> find(String name, Integer birthYear) {
        List<Candidate> found = byName.getOrDefault(Cells.nameKey(name), List.of());
        if (birthYear == null) {
            return found;
        }
        return found.stream().filter(c -> birthYear.equals(c.birthYear())).toList();
    }

    static DryRun.Choice choice(int row, String name, List<Candidate> found) {
        return new DryRun.Choice(row, name, found.stream()
                .map(c -> new DryRun.Candidate(c.id(), c.displayName(), c.fullName(), c.birthYear())).toList());
    }

    /**
     * The one person a row names: the only match, or the one the user chose among several. Else null, and the row is
     * refused with why (nobody found; found more than once, with the choice offered).
     */
    UUID resolve(int row, String name, Integer birthYear, Map<Integer, UUID> choices, RowPlan plan) {
        List<Candidate> found = find(name, birthYear);
        UUID chosen = found.size() == 1 ? found.get(0).id() : chosen(choices, row, found);
        if (found.isEmpty()) {
            plan.refuse(row, "import.row.unknownPerson", name);
        } else if (chosen == null) {
            plan.refuse(row, "import.row.ambiguous", name, found.size());
            plan.choice(choice(row, name, found));
        }
        return chosen;
    }

    /** The chosen person where the user chose one of these, else null. */
    static UUID chosen(Map<Integer, UUID> choices, int row, List<Candidate> found) {
        UUID chosen = choices.get(row);
        return chosen != null && found.stream().anyMatch(c -> c.id().equals(chosen)) ? chosen : null;
    }

    static Candidate unsaved(UUID id, String displayName, String fullName, Integer birthYear) {
        return new Candidate(id, displayName, fullName, birthYear);
    }
}

package no.tilfrisk.importer;

import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSourceResolvable;

/**
 * What an import of a file would do, row by row: the counts of what would be created, changed, skipped (already
 * there) and refused, a note per row that is refused or worth a look, and for a name that matches several persons
 * the persons to choose from.
 *
 * @param alreadyImported the same file was imported before (and not undone): importing it again makes nothing
 */
public record DryRun(ImportKind kind, int rows, int created, int changed, int skipped, int refused,
                     List<Note> notes, List<Choice> choices, boolean alreadyImported) {

    public enum Outcome { CREATE, CHANGE, SKIP, REFUSE }

    public record Note(int row, Outcome outcome, MessageSourceResolvable message) {
    }

    public record Choice(int row, String name, List<Candidate> candidates) {
    }

    public record Candidate(UUID id, String displayName, String fullName, Integer birthYear) {
    }
}

package no.tilfrisk.volunteer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Assignment;
import no.tilfrisk.volunteer.matching.Candidate;
import no.tilfrisk.volunteer.matching.MatchScore;
import no.tilfrisk.volunteer.matching.Pairing;
import no.tilfrisk.volunteer.matching.Seeker;
import no.tilfrisk.volunteer.matching.Suggestion;
import no.tilfrisk.volunteer.matching.Suggestions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who could be whose volunteer: the waiting participants, the ranked suggestions for one (with their reasons), and
 * the assignment for all waiting at once. Only participants and volunteers the caller may see take part. The
 * scoring and the solver are the pure {@code matching} package; this service loads the rows and audits.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class MatchSuggestions {

    /** A participant waiting for a volunteer, with their wish. */
    public record Waiting(UUID personId, String name, VolunteerWish wish) {
    }

    /**
     * The solver's proposal: the waiting seekers, each one's pairing (or none), and the volunteers each may be given
     * (no hard rule against the pair), for the coordinator to edit.
     */
    public record Proposal(List<Seeker> seekers, Map<UUID, Pairing> pairings, Map<UUID, List<Candidate>> allowed) {
    }

    private final MatchRecords records;
    private final MatchLoader loader;
    private final Matches matches;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final AuditTrail audit;

    MatchSuggestions(MatchRecords records, MatchLoader loader, Matches matches, VolunteerAccess access,
                     PersonLookup persons, AuditTrail audit) {
        this.records = records;
        this.loader = loader;
        this.matches = matches;
        this.access = access;
        this.persons = persons;
        this.audit = audit;
    }

    /** The participants the caller may see who want a volunteer and have no open match, by name. */
    @Transactional
    public List<Waiting> waiting() {
        Set<UUID> visible = persons.visiblePersonIds();
        List<VolunteerWish> wishes = records.waitingWishes().stream().filter(w -> visible.contains(w.personId())).toList();
        Map<UUID, String> names = matches.names(wishes.stream().map(VolunteerWish::personId).toList());
        List<Waiting> list = wishes.stream().filter(w -> names.containsKey(w.personId()))
                .map(w -> new Waiting(w.personId(), names.get(w.personId()), w))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        audit.recordEach(list.stream().map(Waiting::personId).toList(), AuditAction.LIST, "volunteer.waiting");
        return list;
    }

    /** The volunteers the caller may see for this participant, best first, with the reasons in words. */
    @Transactional
    public List<Suggestion> forParticipant(UUID personId) {
        access.requireStaffSees(personId);
        Seeker seeker = matches.seeker(personId);
        List<Suggestion> ranked = Suggestions.rank(seeker, loader.candidates(persons.visiblePersonIds()));
        audit.record(personId, AuditAction.READ, "volunteer.suggestions");
        return ranked;
    }

    /** The assignment for every waiting participant the caller may see. */
    @Transactional
    public Proposal assignment() {
        Set<UUID> visible = persons.visiblePersonIds();
        List<VolunteerWish> wishes = records.waitingWishes().stream().filter(w -> visible.contains(w.personId())).toList();
        List<Seeker> seekers = loader.seekers(wishes);
        List<Candidate> candidates = loader.candidates(visible);
        Map<UUID, Pairing> pairings = new LinkedHashMap<>();
        Assignment.solve(seekers, candidates).forEach(p -> pairings.put(p.personId(), p));
        Map<UUID, List<Candidate>> allowed = new LinkedHashMap<>();
        for (Seeker s : seekers) {
            allowed.put(s.personId(), candidates.stream().filter(c -> MatchScore.blockers(s, c).isEmpty()).toList());
        }
        audit.recordEach(seekers.stream().map(Seeker::personId).toList(), AuditAction.LIST, "volunteer.assignment");
        return new Proposal(seekers, pairings, allowed);
    }
}

package no.tilfrisk.caregroup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person's responsibility group as its page shows it: current members, meetings newest first. */
public record GroupView(UUID personId, String personName, List<Member> members, List<Meeting> meetings) {

    /** A current member, with the name to show (the person, the account, the partner organisation, the relative). */
    public record Member(UUID id, MemberKind kind, String name, String role) {
    }

    public record Meeting(UUID id, LocalDate heldOn, List<String> attendees, String minutes, List<Decision> decisions) {
    }

    public record Decision(UUID id, String what, String responsible, LocalDate dueOn, boolean inPlan,
                           boolean inChecklist) {
    }

    /** The next meeting on or after the day, if one is set. */
    public Optional<Meeting> nextOn(LocalDate day) {
        return meetings.stream().filter(m -> !m.heldOn().isBefore(day))
                .min((a, b) -> a.heldOn().compareTo(b.heldOn()));
    }
}

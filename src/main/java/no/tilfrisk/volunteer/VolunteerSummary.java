package no.tilfrisk.volunteer;

import java.util.UUID;
import no.tilfrisk.volunteer.matching.VolunteerKind;

/** One line of the volunteers list: who, what kind, load against capacity, and the screening's state. */
public record VolunteerSummary(UUID personId, String name, VolunteerKind kind, int capacity, int openMatches,
                               Screening.Status screening) {
}

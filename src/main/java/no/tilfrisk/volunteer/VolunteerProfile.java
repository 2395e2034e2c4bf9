package no.tilfrisk.volunteer;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;

/**
 * A volunteer's profile: what kind of volunteer, interests (ids of the mapping's list), languages, where and when
 * they can meet, what they prefer and will not do, how many matches at once, and a presentation a participant may
 * be shown. Keyed by the volunteer's person id.
 */
public record VolunteerProfile(UUID personId, VolunteerKind kind, Set<UUID> interestIds, List<String> languages,
                               String municipality, String area, List<String> availability,
                               Set<LifeArea> skillAreas, String preferredGender, Integer minAge, Integer maxAge,
                               Set<Wish> wontDo, int capacity, String presentation) {
}

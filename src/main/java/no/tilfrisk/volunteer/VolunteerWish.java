package no.tilfrisk.volunteer;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.volunteer.matching.Wish;

/** A participant's wish for a volunteer: the kinds of help, in their words, and what the matcher compares. */
public record VolunteerWish(UUID personId, Set<Wish> wishes, String text, List<String> languages, String area,
                            List<String> availability, boolean waiting, boolean setByParticipant) {
}

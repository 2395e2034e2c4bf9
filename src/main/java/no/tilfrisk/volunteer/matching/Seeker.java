package no.tilfrisk.volunteer.matching;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;

/**
 * A participant who wants a volunteer.
 *
 * @param needAreas         life areas rated low in the latest mapping, or with an open goal
 * @param gender            a persons.gender code; may be null
 * @param age               in whole years; may be null
 * @param relativePersonIds the person's relatives (person module)
 * @param location          the centre point of their area or municipality; null where none is known
 */
public record Seeker(
        UUID personId,
        String name,
        Map<UUID, String> interests,
        Set<String> languages,
        String municipality,
        String area,
        Set<Slot> availability,
        Set<LifeArea> needAreas,
        Set<Wish> wishes,
        String gender,
        Integer age,
        Set<UUID> relativePersonIds,
        Location location) {

    /** Without a known place. */
    public Seeker(UUID personId, String name, Map<UUID, String> interests, Set<String> languages, String municipality,
                  String area, Set<Slot> availability, Set<LifeArea> needAreas, Set<Wish> wishes, String gender,
                  Integer age, Set<UUID> relativePersonIds) {
        this(personId, name, interests, languages, municipality, area, availability, needAreas, wishes, gender, age,
                relativePersonIds, null);
    }

    public Seeker {
        Objects.requireNonNull(personId, "personId");
        name = name == null ? "" : name;
        interests = Copies.map(interests);
        languages = Copies.set(languages);
        availability = Copies.set(availability);
        needAreas = Copies.set(needAreas);
        wishes = Copies.set(wishes);
        relativePersonIds = Copies.set(relativePersonIds);
    }
}

package no.tilfrisk.volunteer.matching;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;

/**
 * A volunteer as the matcher sees it.
 *
 * @param interests        plan_interest id to name (the organisation's list that mapping already uses)
 * @param languages        ISO 639-1 codes, e.g. "nb", "en", "ar"
 * @param municipality     as platform/Municipalities names it; may be null
 * @param area             district or area within the municipality; may be null
 * @param skillAreas       what a fagfrivillig can help with, e.g. ECONOMY, LEGAL, WORK_EDUCATION
 * @param preferredGender  null for any, else a persons.gender code (FEMALE, MALE, OTHER)
 * @param minAge           null for no lower limit
 * @param maxAge           null for no upper limit
 * @param wontDo           kinds of help the volunteer will not give
 * @param capacity         matches at once
 * @param activeMatches    the load: active, proposed, accepted and paused matches
 * @param screeningComplete every required screening step done and none expired on the day
 * @param matchedPersonIds the persons this volunteer is matched with now (not ended)
 * @param location         the centre point of their area or municipality; null where none is known
 */
public record Candidate(
        UUID volunteerId,
        String name,
        Map<UUID, String> interests,
        Set<String> languages,
        String municipality,
        String area,
        Set<Slot> availability,
        Set<LifeArea> skillAreas,
        VolunteerKind kind,
        String preferredGender,
        Integer minAge,
        Integer maxAge,
        Set<Wish> wontDo,
        int capacity,
        int activeMatches,
        boolean screeningComplete,
        Set<UUID> matchedPersonIds,
        Location location) {

    /** Without a known place. */
    public Candidate(UUID volunteerId, String name, Map<UUID, String> interests, Set<String> languages,
                     String municipality, String area, Set<Slot> availability, Set<LifeArea> skillAreas,
                     VolunteerKind kind, String preferredGender, Integer minAge, Integer maxAge, Set<Wish> wontDo,
                     int capacity, int activeMatches, boolean screeningComplete, Set<UUID> matchedPersonIds) {
        this(volunteerId, name, interests, languages, municipality, area, availability, skillAreas, kind,
                preferredGender, minAge, maxAge, wontDo, capacity, activeMatches, screeningComplete, matchedPersonIds,
                null);
    }

    /** The same volunteer with this many more matches (a proposal checked after others in one submit). */
    public Candidate withMoreMatches(int more) {
        return new Candidate(volunteerId, name, interests, languages, municipality, area, availability, skillAreas,
                kind, preferredGender, minAge, maxAge, wontDo, capacity, activeMatches + more, screeningComplete,
                matchedPersonIds, location);
    }

    public Candidate {
        Objects.requireNonNull(volunteerId, "volunteerId");
        name = name == null ? "" : name;
        interests = Copies.map(interests);
        languages = Copies.set(languages);
        availability = Copies.set(availability);
        skillAreas = Copies.set(skillAreas);
        wontDo = Copies.set(wontDo);
        matchedPersonIds = Copies.set(matchedPersonIds);
    }

    /** How many more participants the volunteer can take, never below 0. */
    public int remainingCapacity() {
        return Math.max(0, capacity - activeMatches);
    }
}

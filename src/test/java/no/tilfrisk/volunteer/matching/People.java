package no.tilfrisk.volunteer.matching;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;

/**
 * Participants and volunteers for the matcher's tests: everything empty (no interests, no place, no times, no
 * language, no wishes), screening complete and one free place, so that a pair scores only what a test gives it.
 * An empty volunteer with capacity 1 and no matches scores exactly {@link MatchScore#LOAD_POINTS} = 10.
 */
final class People {

    static final Map<String, UUID> INTERESTS = new LinkedHashMap<>();

    private People() {
    }

    /** The same id for the same interest name in every test. */
    static UUID interest(String name) {
        return INTERESTS.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(("interest:" + n).getBytes()));
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("person:" + name).getBytes());
    }

    static SeekerBuilder seeker(String name) {
        return new SeekerBuilder(name);
    }

    static CandidateBuilder volunteer(String name) {
        return new CandidateBuilder(name);
    }

    static final class SeekerBuilder {
        UUID personId;
        String name;
        Map<UUID, String> interests = new LinkedHashMap<>();
        Set<String> languages = new HashSet<>();
        String municipality;
        String area;
        boolean located;
        Set<Slot> availability = new HashSet<>();
        Set<LifeArea> needAreas = new HashSet<>();
        Set<Wish> wishes = new HashSet<>();
        String gender;
        Integer age;
        Set<UUID> relatives = new HashSet<>();

        SeekerBuilder(String name) {
            this.name = name;
            this.personId = id(name);
        }

        SeekerBuilder likes(String... names) {
            for (String n : names) {
                interests.put(interest(n), n);
            }
            return this;
        }

        SeekerBuilder speaks(String... codes) {
            languages.addAll(Set.of(codes));
            return this;
        }

        SeekerBuilder lives(String municipality, String area) {
            this.municipality = municipality;
            this.area = area;
            return this;
        }

        SeekerBuilder free(Slot... slots) {
            availability.addAll(Set.of(slots));
            return this;
        }

        SeekerBuilder needs(LifeArea... areas) {
            needAreas.addAll(Set.of(areas));
            return this;
        }

        SeekerBuilder wishes(Wish... wishes) {
            this.wishes.addAll(Set.of(wishes));
            return this;
        }

        SeekerBuilder gender(String gender) {
            this.gender = gender;
            return this;
        }

        SeekerBuilder age(Integer age) {
            this.age = age;
            return this;
        }

        SeekerBuilder relative(UUID relative) {
            relatives.add(relative);
            return this;
        }

        /** Placed at the centre point the shipped data file gives the municipality and area (or nowhere). */
        SeekerBuilder located() {
            located = true;
            return this;
        }

        Seeker build() {
            return new Seeker(personId, name, interests, languages, municipality, area, availability, needAreas,
                    wishes, gender, age, relatives,
                    located ? Places.shipped().locate(municipality, area).orElse(null) : null);
        }
    }

    static final class CandidateBuilder {
        UUID volunteerId;
        String name;
        Map<UUID, String> interests = new LinkedHashMap<>();
        Set<String> languages = new HashSet<>();
        String municipality;
        String area;
        boolean located;
        Set<Slot> availability = new HashSet<>();
        Set<LifeArea> skillAreas = new HashSet<>();
        VolunteerKind kind = VolunteerKind.TIDGIVER;
        String preferredGender;
        Integer minAge;
        Integer maxAge;
        Set<Wish> wontDo = new HashSet<>();
        int capacity = 1;
        int activeMatches;
        boolean screeningComplete = true;
        Set<UUID> matched = new HashSet<>();

        CandidateBuilder(String name) {
            this.name = name;
            this.volunteerId = People.id(name);
        }

        CandidateBuilder id(UUID id) {
            this.volunteerId = id;
            return this;
        }

        CandidateBuilder likes(String... names) {
            for (String n : names) {
                interests.put(interest(n), n);
            }
            return this;
        }

        CandidateBuilder speaks(String... codes) {
            languages.addAll(Set.of(codes));
            return this;
        }

        CandidateBuilder lives(String municipality, String area) {
            this.municipality = municipality;
            this.area = area;
            return this;
        }

        CandidateBuilder free(Slot... slots) {
            availability.addAll(Set.of(slots));
            return this;
        }

        CandidateBuilder kind(VolunteerKind kind, LifeArea... skills) {
            this.kind = kind;
            skillAreas.addAll(Set.of(skills));
            return this;
        }

        CandidateBuilder prefers(String gender) {
            this.preferredGender = gender;
            return this;
        }

        CandidateBuilder ages(Integer min, Integer max) {
            this.minAge = min;
            this.maxAge = max;
            return this;
        }

        CandidateBuilder wontDo(Wish... wishes) {
            wontDo.addAll(Set.of(wishes));
            return this;
        }

        CandidateBuilder load(int activeMatches, int capacity) {
            this.activeMatches = activeMatches;
            this.capacity = capacity;
            return this;
        }

        CandidateBuilder screening(boolean complete) {
            this.screeningComplete = complete;
            return this;
        }

        CandidateBuilder matchedWith(UUID person) {
            matched.add(person);
            return this;
        }

        /** Placed at the centre point the shipped data file gives the municipality and area (or nowhere). */
        CandidateBuilder located() {
            located = true;
            return this;
        }

        Candidate build() {
            return new Candidate(volunteerId, name, interests, languages, municipality, area, availability,
                    skillAreas, kind, preferredGender, minAge, maxAge, wontDo, capacity, activeMatches,
                    screeningComplete, matched,
                    located ? Places.shipped().locate(municipality, area).orElse(null) : null);
        }
    }
}

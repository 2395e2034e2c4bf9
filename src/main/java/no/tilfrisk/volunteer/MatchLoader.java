package no.tilfrisk.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup.PersonCard;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.Interest;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.volunteer.matching.Candidate;
import no.tilfrisk.volunteer.matching.Places;
import no.tilfrisk.volunteer.matching.Seeker;
import org.springframework.stereotype.Component;

/**
 * Turns rows into the matcher's records: a {@link Candidate} per volunteer profile (with screening, load and the
 * persons matched now) and a {@link Seeker} per participant who wants a volunteer (from the wish, the register and
 * the latest mapping and plan), each placed at the centre point of their area or municipality where the shipped
 * {@link Places} list it. No rights checks: the services call it after theirs; reading a participant's
 * mapping and plan is audited by the plan module.
 */
@Component
class MatchLoader {

    /** A life area rated this or lower in the latest mapping is one where the participant needs help. */
    static final int LOW_RATING = 4;

    private final VolunteerRecords volunteers;
    private final MatchRecords matches;
    private final PersonLookup persons;
    private final Mappings mappings;
    private final Plans plans;
    private final Clock clock;

    MatchLoader(VolunteerRecords volunteers, MatchRecords matches, PersonLookup persons, Mappings mappings,
                Plans plans, Clock clock) {
        this.volunteers = volunteers;
        this.matches = matches;
        this.persons = persons;
        this.mappings = mappings;
        this.plans = plans;
        this.clock = clock;
    }

    /** Every volunteer with a profile among {@code visible} (null: all), as the matcher sees them today. */
    List<Candidate> candidates(Set<UUID> visible) {
        List<VolunteerProfile> profiles = volunteers.profiles().stream()
                .filter(p -> visible == null || visible.contains(p.personId())).toList();
        List<UUID> ids = profiles.stream().map(VolunteerProfile::personId).toList();
        Map<UUID, PersonCard> cards = persons.cards(ids);
        Map<UUID, Screening> screenings = volunteers.screenings(ids);
        Map<UUID, String> interestNames = interestNames();
        Map<UUID, Set<UUID>> matched = new HashMap<>();
        matches.open().forEach(m -> matched.computeIfAbsent(m.volunteerId(), k -> new HashSet<>()).add(m.participantId()));
        int years = volunteers.policeCertificateYears();
        LocalDate today = LocalDate.now(clock);
        return profiles.stream().filter(p -> cards.containsKey(p.personId())).map(p -> {
            PersonCard card = cards.get(p.personId());
            Map<UUID, String> interests = new LinkedHashMap<>();
            p.interestIds().stream().filter(interestNames::containsKey).forEach(i -> interests.put(i, interestNames.get(i)));
            Set<UUID> mine = matched.getOrDefault(p.personId(), Set.of());
            boolean complete = screenings.getOrDefault(p.personId(), Screening.none(p.personId()))
                    .status(today, years).complete();
            String municipality = p.municipality() != null ? p.municipality() : card.municipality();
            return new Candidate(p.personId(), card.displayName(), interests, new LinkedHashSet<>(p.languages()),
                    municipality, p.area(), Slots.parse(p.availability()), p.skillAreas(), p.kind(),
                    p.preferredGender(), p.minAge(), p.maxAge(), p.wontDo(), p.capacity(), mine.size(), complete,
                    Set.copyOf(mine), Places.shipped().locate(municipality, p.area()).orElse(null));
        }).sorted(Comparator.comparing(Candidate::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The participants with these wishes as seekers (those no longer ours are left out). */
    List<Seeker> seekers(Collection<VolunteerWish> wishes) {
        List<UUID> ids = wishes.stream().map(VolunteerWish::personId).toList();
        Map<UUID, PersonCard> cards = persons.cards(ids);
        Map<UUID, Set<UUID>> relatives = persons.relativeIds(ids);
        Map<String, UUID> interestIds = new HashMap<>();
        interestNames().forEach((id, name) -> interestIds.putIfAbsent(name.toLowerCase(), id));
        int year = LocalDate.now(clock).getYear();
        return wishes.stream().filter(w -> cards.containsKey(w.personId())).map(w -> {
            PersonCard card = cards.get(w.personId());
            Map<UUID, String> interests = new LinkedHashMap<>();
            Set<LifeArea> needs = EnumSet.noneOf(LifeArea.class);
            mappings.ofPerson(w.personId()).stream().findFirst().ifPresent(m -> latest(m, interestIds, interests, needs));
            plans.plan(w.personId()).allGoals().stream().filter(g -> g.status().open()).map(Goal::lifeArea)
                    .filter(Objects::nonNull).forEach(needs::add);
            String gender = card.gender() == null || card.gender().name().equals("UNSPECIFIED") ? null : card.gender().name();
            return new Seeker(w.personId(), card.displayName(), interests, new LinkedHashSet<>(w.languages()),
                    card.municipality(), w.area(), Slots.parse(w.availability()), needs, w.wishes(), gender,
                    card.birthYear() == null ? null : year - card.birthYear(),
                    relatives.getOrDefault(w.personId(), Set.of()),
                    Places.shipped().locate(card.municipality(), w.area()).orElse(null));
        }).sorted(Comparator.comparing(Seeker::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static void latest(Mapping m, Map<String, UUID> interestIds, Map<UUID, String> interests, Set<LifeArea> needs) {
        m.interests().forEach(name -> {
            UUID id = interestIds.get(name.toLowerCase());
            if (id != null) {
                interests.put(id, name);
            }
        });
        m.areas().stream().filter(a -> a.rating() != null && a.rating() <= LOW_RATING).forEach(a -> needs.add(a.area()));
    }

    private Map<UUID, String> interestNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Interest i : mappings.interests()) {
            names.put(i.id(), i.name());
        }
        return names;
    }
}

package no.tilfrisk.volunteer.matching;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.LifeArea;

/**
 * The hard rules and the transparent score of one participant and one volunteer.
 *
 * <p>The score is a sum of small parts, each of which adds a {@link Reason} in words when it adds points, so a
 * coordinator sees why a volunteer comes first. The weights are set so that what makes a match work in seed 003
 * («behov, interesser og personlighet») weighs most: help with what the participant needs or wishes, then shared
 * interests and a place close by (the same area, or a short great-circle distance between the centre points of
 * their areas or municipalities, {@link Places}), then times both can meet; a shared language is needed to talk at all but almost
 * everyone shares Norwegian, so it weighs little; the volunteer's load only breaks near-ties, spreading participants
 * over volunteers. A pair's score is at most 30 + 20 + 20 + 5 + 30 + 30 + 10 = 145.
 *
 * <p>Weekdays and languages are named by the JDK in both languages: such a reason's arguments are the bokmål name
 * ({0}) and the English name ({1}), and each message file uses its own.
 */
public final class MatchScore {

    /** Per shared interest, for at most {@link #MAX_INTERESTS}: a shared interest is something to do together. */
    static final int INTEREST_POINTS = 10;
    static final int MAX_INTERESTS = 3;
    /** Same area (bydel) within the same municipality: they can meet on foot. */
    static final int SAME_AREA_POINTS = 20;
    /** Same municipality only: they can meet, with some travel. */
    static final int SAME_MUNICIPALITY_POINTS = 10;
    /**
     * Where both have a known centre point (their bydel's, or their municipality's when they live in different
     * municipalities): at most this, at no distance, falling in a straight line to none at {@link #DISTANCE_REACH_KM}.
     * As much as the same area at most, so a pair's place part never weighs more than before.
     */
    static final int DISTANCE_POINTS = 20;
    /** From this great-circle distance on, place adds nothing: farther than a volunteer travels to meet each week. */
    static final double DISTANCE_REACH_KM = 40.0;
    /** Per weekday and part of day both can meet, for at most {@link #MAX_SLOTS}: four common times are plenty. */
    static final int SLOT_POINTS = 5;
    static final int MAX_SLOTS = 4;
    /** At most this many common times are named in the reasons; the rest are counted in one more reason. */
    static final int SLOTS_NAMED = 3;
    /** A shared language, once: nearly everyone shares Norwegian, so this separates little. */
    static final int LANGUAGE_POINTS = 5;
    /** Per life area where the participant needs help and the volunteer has the skill, for at most two. */
    static final int SKILL_POINTS = 15;
    static final int MAX_SKILLS = 2;
    /** Per wish of the participant that the volunteer's kind (and skill) fits, for at most two. */
    static final int WISH_POINTS = 15;
    static final int MAX_WISHES = 2;
    /** The free share of the volunteer's capacity times this: all of it when idle, little when nearly full. */
    static final int LOAD_POINTS = 10;

    private static final Locale BOKMAL = Locale.forLanguageTag("nb");
    private static final Wish[] WISHES = Wish.values();
    private static final LifeArea[] LIFE_AREAS = LifeArea.values();
    private static final Map<Wish, String> WISH_REASONS = keys(Wish.class, "volunteer.match.reason.wish.");
    private static final Map<LifeArea, String> SKILL_REASONS = keys(LifeArea.class, "volunteer.match.reason.skill.");
    private static final Map<DayOfWeek, String> DAYS_BOKMAL = days(BOKMAL);
    private static final Map<DayOfWeek, String> DAYS_ENGLISH = days(Locale.ENGLISH);

    private MatchScore() {
    }

    /** Empty when a hard rule forbids the pair. */
    public static Optional<Suggestion> score(Seeker seeker, Candidate candidate) {
        if (blocked(seeker, candidate, null)) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>();
        return Optional.of(new Suggestion(candidate, sum(seeker, candidate, reasons), reasons));
    }

    /** Why the pair is forbidden (reasons with keys volunteer.match.blocked.*), empty list when allowed. */
    public static List<Reason> blockers(Seeker seeker, Candidate candidate) {
        List<Reason> blockers = new ArrayList<>();
        blocked(seeker, candidate, blockers);
        return List.copyOf(blockers);
    }

    /**
     * The score of {@link #score} without its reasons, or -1 when a hard rule forbids the pair: for the assignment,
     * which scores every pair and shows no reasons.
     */
    static int points(Seeker seeker, Candidate candidate) {
        return blocked(seeker, candidate, null) ? -1 : sum(seeker, candidate, null);
    }

    /** The parts added up; each part adds its reasons to {@code reasons} unless it is null. */
    private static int sum(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        return wishes(seeker, candidate, reasons)
                + skills(seeker, candidate, reasons)
                + interests(seeker, candidate, reasons)
                + place(seeker, candidate, reasons)
                + times(seeker, candidate, reasons)
                + language(seeker, candidate, reasons)
                + load(candidate, reasons);
    }

    /**
     * Whether a hard rule forbids the pair. With {@code blockers} null it answers at the first rule broken;
     * otherwise it adds every rule broken to {@code blockers}.
     */
    private static boolean blocked(Seeker seeker, Candidate candidate, List<Reason> blockers) {
        boolean blocked = false;
        if (candidate.volunteerId().equals(seeker.personId())) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.self"));
        }
        if (!candidate.screeningComplete()) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.screening"));
        }
        if (candidate.activeMatches() >= candidate.capacity()) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.capacity",
                    Integer.toString(candidate.activeMatches()), Integer.toString(candidate.capacity())));
        }
        if (candidate.preferredGender() != null && !candidate.preferredGender().equals(seeker.gender())) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.gender"));
        }
        Integer age = seeker.age();
        if (age != null && ((candidate.minAge() != null && age < candidate.minAge())
                || (candidate.maxAge() != null && age > candidate.maxAge()))) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.age", age.toString()));
        }
        if (!candidate.wontDo().isEmpty()) {
            for (Wish wish : sorted(seeker.wishes())) {
                if (candidate.wontDo().contains(wish)) {
                    blocked = true;
                    if (blockers == null) {
                        return true;
                    }
                    blockers.add(Reason.of("volunteer.match.blocked.wontDo." + wish.name()));
                }
            }
        }
        if (candidate.matchedPersonIds().contains(seeker.personId())) {
            blocked = true;
            if (blockers == null) {
                return true;
            }
            blockers.add(Reason.of("volunteer.match.blocked.alreadyMatched"));
        }
        if (!candidate.matchedPersonIds().isEmpty()) {
            for (UUID relative : seeker.relativePersonIds()) {
                if (candidate.matchedPersonIds().contains(relative)) {
                    if (blockers != null) {
                        blockers.add(Reason.of("volunteer.match.blocked.relative"));
                    }
                    return true;
                }
            }
        }
        return blocked;
    }

    private static int wishes(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        int fitting = 0;
        for (Wish wish : WISHES) {
            if (seeker.wishes().contains(wish) && fits(wish, candidate)) {
                if (reasons != null && fitting < MAX_WISHES) {
                    reasons.add(Reason.of(WISH_REASONS.get(wish)));
                }
                fitting++;
            }
        }
        return WISH_POINTS * Math.min(fitting, MAX_WISHES);
    }

    /** Whether the volunteer's kind, and for a fagfrivillig the skill, fits a wish of the participant. */
    static boolean fits(Wish wish, Candidate candidate) {
        VolunteerKind kind = candidate.kind();
        Set<LifeArea> skills = candidate.skillAreas();
        boolean skilled = kind == VolunteerKind.FAGFRIVILLIG;
        return switch (wish) {
            case COMPANY -> kind == VolunteerKind.TIDGIVER || kind == VolunteerKind.LIKEPERSON
                    || kind == VolunteerKind.MEDVANDRER;
            case WALK_OUTDOORS -> kind == VolunteerKind.MEDVANDRER;
            case LEISURE_ACTIVITY -> kind == VolunteerKind.TIDGIVER || kind == VolunteerKind.MEDVANDRER
                    || skills.contains(LifeArea.LEISURE);
            case FINANCES -> skilled && skills.contains(LifeArea.ECONOMY);
            case JOB_SEARCH -> skilled && skills.contains(LifeArea.WORK_EDUCATION);
            case PAPERWORK -> skilled && (skills.contains(LifeArea.ECONOMY) || skills.contains(LifeArea.LEGAL)
                    || skills.contains(LifeArea.HOUSING));
            case LEGAL_ADVICE -> skilled && skills.contains(LifeArea.LEGAL);
            case OTHER -> false;
        };
    }

    private static int skills(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        if (candidate.skillAreas().isEmpty()) {
            return 0;
        }
        int matching = 0;
        for (LifeArea area : LIFE_AREAS) {
            if (matching < MAX_SKILLS && seeker.needAreas().contains(area) && candidate.skillAreas().contains(area)) {
                if (reasons != null) {
                    reasons.add(Reason.of(SKILL_REASONS.get(area)));
                }
                matching++;
            }
        }
        return SKILL_POINTS * matching;
    }

    private static int interests(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        int count = 0;
        List<String> shared = reasons == null ? null : new ArrayList<>();
        for (Map.Entry<UUID, String> interest : seeker.interests().entrySet()) {
            if (candidate.interests().containsKey(interest.getKey())) {
                count++;
                if (shared != null) {
                    shared.add(Objects.requireNonNullElse(interest.getValue(), ""));
                }
            }
        }
        if (shared != null) {
            shared.sort(Comparator.naturalOrder());
            for (String name : shared) {
                reasons.add(Reason.of("volunteer.match.reason.interest", name));
            }
        }
        return INTEREST_POINTS * Math.min(count, MAX_INTERESTS);
    }

    /**
     * Same area first; then the distance between the two centre points where both are known (in one municipality
     * only between two areas' points: the municipality's own point says nothing about where in it one lives); else
     * same municipality.
     */
    private static int place(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        boolean sameMunicipality = same(seeker.municipality(), candidate.municipality());
        boolean municipalityUnknown = blank(seeker.municipality()) || blank(candidate.municipality());
        if (same(seeker.area(), candidate.area()) && (sameMunicipality || municipalityUnknown)) {
            if (reasons != null) {
                reasons.add(Reason.of("volunteer.match.reason.sameArea", candidate.area().strip()));
            }
            return SAME_AREA_POINTS;
        }
        Location here = seeker.location();
        Location there = candidate.location();
        if (here != null && there != null && (!sameMunicipality || (here.ofArea() && there.ofArea()))) {
            double km = here.point().kmTo(there.point());
            int points = distancePoints(km);
            if (reasons != null && points > 0) {
                long whole = Math.round(km);
                reasons.add(whole < 1 ? Reason.of("volunteer.match.reason.distance.near")
                        : Reason.of("volunteer.match.reason.distance", Long.toString(whole)));
            }
            return points;
        }
        if (sameMunicipality) {
            if (reasons != null) {
                reasons.add(Reason.of("volunteer.match.reason.sameMunicipality", candidate.municipality().strip()));
            }
            return SAME_MUNICIPALITY_POINTS;
        }
        return 0;
    }

    /** {@link #DISTANCE_POINTS} falling in a straight line to 0 at {@link #DISTANCE_REACH_KM}, rounded. */
    static int distancePoints(double km) {
        return (int) Math.round(DISTANCE_POINTS * Math.max(0, DISTANCE_REACH_KM - km) / DISTANCE_REACH_KM);
    }

    private static int times(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        int count = 0;
        for (Slot slot : seeker.availability()) {
            if (candidate.availability().contains(slot)) {
                count++;
            }
        }
        if (reasons != null && count > 0) {
            List<Slot> common = seeker.availability().stream().filter(candidate.availability()::contains)
                    .sorted(Comparator.comparing(Slot::day).thenComparing(Slot::part)).toList();
            for (Slot slot : common.subList(0, Math.min(common.size(), SLOTS_NAMED))) {
                reasons.add(Reason.of("volunteer.match.reason.time." + slot.part().name(),
                        DAYS_BOKMAL.get(slot.day()), DAYS_ENGLISH.get(slot.day())));
            }
            if (common.size() > SLOTS_NAMED) {
                reasons.add(Reason.of("volunteer.match.reason.moreTimes",
                        Integer.toString(common.size() - SLOTS_NAMED)));
            }
        }
        return SLOT_POINTS * Math.min(count, MAX_SLOTS);
    }

    private static int language(Seeker seeker, Candidate candidate, List<Reason> reasons) {
        List<String> shared = new ArrayList<>(1);
        for (String language : seeker.languages()) {
            if (language != null && candidate.languages().stream()
                    .anyMatch(other -> other != null && code(other).equals(code(language)))) {
                if (reasons == null) {
                    return LANGUAGE_POINTS;
                }
                shared.add(code(language));
            }
        }
        for (String code : shared.stream().distinct().sorted().toList()) {
            Locale language = Locale.forLanguageTag(code);
            reasons.add(Reason.of("volunteer.match.reason.language",
                    language.getDisplayLanguage(BOKMAL), language.getDisplayLanguage(Locale.ENGLISH)));
        }
        return shared.isEmpty() ? 0 : LANGUAGE_POINTS;
    }

    private static int load(Candidate candidate, List<Reason> reasons) {
        int free = candidate.remainingCapacity();
        if (candidate.capacity() <= 0 || free <= 0) {
            return 0;
        }
        if (reasons != null) {
            reasons.add(Reason.of("volunteer.match.reason.load",
                    Integer.toString(candidate.activeMatches()), Integer.toString(candidate.capacity())));
        }
        return LOAD_POINTS * free / candidate.capacity();
    }

    private static String code(String language) {
        return language.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean same(String a, String b) {
        return !blank(a) && !blank(b) && a.strip().equalsIgnoreCase(b.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <E extends Enum<E>> Map<E, String> keys(Class<E> type, String prefix) {
        Map<E, String> keys = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            keys.put(value, prefix + value.name());
        }
        return keys;
    }

    private static Map<DayOfWeek, String> days(Locale locale) {
        Map<DayOfWeek, String> names = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            names.put(day, day.getDisplayName(TextStyle.FULL, locale));
        }
        return names;
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.stream().filter(Objects::nonNull).sorted().toList();
    }
}

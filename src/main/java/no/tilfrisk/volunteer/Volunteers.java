package no.tilfrisk.volunteer;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers' profiles and screening, for the staff of the volunteer's department (admins: the whole
 * organisation). The list shows what screening is missing and which police certificates run out within 60 days;
 * a volunteer whose screening is not complete (a step missing, or the certificate run out) cannot be proposed for
 * a match. An expired certificate ends no match. Every read and change of a volunteer's data is audited.
 * {@link VolunteerRecords} holds the SQL.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Volunteers {

    static final int MAX_LANGUAGES = 20;

    private final VolunteerRecords records;
    private final MatchRecords matches;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final Clock clock;

    Volunteers(VolunteerRecords records, MatchRecords matches, VolunteerAccess access, PersonLookup persons,
               AuditTrail audit, Clock clock) {
        this.records = records;
        this.matches = matches;
        this.access = access;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** The volunteers with a profile whom the caller may see, by name, with their screening and load. */
    @Transactional
    public List<VolunteerSummary> list() {
        Set<UUID> visible = persons.visiblePersonIds();
        List<VolunteerProfile> profiles = records.profiles().stream()
                .filter(p -> visible.contains(p.personId())).toList();
        List<UUID> ids = profiles.stream().map(VolunteerProfile::personId).toList();
        Map<UUID, PersonName> names = persons.names(ids);
        Map<UUID, Screening> screenings = records.screenings(ids);
        Map<UUID, Integer> load = records.openMatches();
        int years = records.policeCertificateYears();
        LocalDate today = LocalDate.now(clock);
        List<VolunteerSummary> list = profiles.stream().filter(p -> names.containsKey(p.personId()))
                .map(p -> new VolunteerSummary(p.personId(), names.get(p.personId()).displayName(), p.kind(),
                        p.capacity(), load.getOrDefault(p.personId(), 0),
                        screenings.getOrDefault(p.personId(), Screening.none(p.personId())).status(today, years)))
                .sorted(Comparator.comparing(VolunteerSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        audit.recordEach(list.stream().map(VolunteerSummary::personId).toList(), AuditAction.LIST, "volunteer.list");
        return list;
    }

    /** A volunteer's name (the caller may see them), for headings. */
    @Transactional(readOnly = true)
    public String name(UUID personId) {
        access.requireStaffSees(personId);
        return persons.names(List.of(personId)).values().stream().findFirst().map(PersonName::displayName)
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    /** The volunteer's profile, if one is recorded. */
    @Transactional
    public Optional<VolunteerProfile> profile(UUID personId) {
        access.requireStaffSees(personId);
        var profile = records.profile(personId);
        audit.record(personId, AuditAction.READ, "volunteer.profile");
        return profile;
    }

    /** Records or changes the profile of a person with the volunteer role. */
    @Transactional
    public void saveProfile(UUID personId, VolunteerProfileForm form) {
        access.requireStaffSees(personId);
        VolunteerProfile profile = check(personId, form);
        records.saveProfile(profile, VolunteerAccess.me());
        audit.record(personId, AuditAction.UPDATE, "volunteer.profile");
    }

    @Transactional
    public Screening screening(UUID personId) {
        access.requireStaffSees(personId);
        Screening s = records.screening(personId);
        audit.record(personId, AuditAction.READ, "volunteer.screening");
        return s;
    }

    /** Where the volunteer's screening stands today. */
    @Transactional(readOnly = true)
    public Screening.Status status(UUID personId) {
        access.requireStaffSees(personId);
        return records.screening(personId).status(LocalDate.now(clock), records.policeCertificateYears());
    }

    @Transactional
    public void saveScreening(UUID personId, ScreeningForm form) {
        access.requireStaffSees(personId);
        if (records.profile(personId).isEmpty()) {
            throw new InvalidInputException("policeSeenOn", "volunteer.screening.noProfile");
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        String seenBy = blankToNull(form.getPoliceSeenBy());
        String course = blankToNull(form.getTrainingCourse());
        notInFuture(broken, "policeSeenOn", form.getPoliceSeenOn(), today);
        notInFuture(broken, "confidentialitySignedOn", form.getConfidentialitySignedOn(), today);
        notInFuture(broken, "trainingOn", form.getTrainingOn(), today);
        notInFuture(broken, "interviewOn", form.getInterviewOn(), today);
        if (form.getPoliceSeenOn() != null && seenBy == null) {
            broken.add(new InvalidInputException("policeSeenBy", "volunteer.screening.seenBy.required"));
        }
        if (form.getPoliceSeenOn() == null && seenBy != null) {
            broken.add(new InvalidInputException("policeSeenOn", "volunteer.screening.seenOn.required"));
        }
        if (form.getTrainingOn() != null && course == null) {
            broken.add(new InvalidInputException("trainingCourse", "volunteer.screening.course.required"));
        }
        if (seenBy != null && seenBy.length() > 200 || course != null && course.length() > 200) {
            broken.add(new InvalidInputException(seenBy != null && seenBy.length() > 200 ? "policeSeenBy" : "trainingCourse",
                    "volunteer.text.long", 200));
        }
        InvalidInputException.throwIfAny(broken);
        records.saveScreening(new Screening(personId, form.getPoliceSeenOn(), seenBy,
                form.getConfidentialitySignedOn(), course, form.getTrainingOn(), form.getInterviewOn()),
                VolunteerAccess.me());
        audit.record(personId, AuditAction.UPDATE, "volunteer.screening");
    }

    /** What the module holds about a person, for their export: profile, screening, wish, matches and meetings. */
    public record Export(VolunteerProfile profile, Screening screening, VolunteerWish wish, List<Match> matches,
                         List<Meeting> meetings) {
    }

    /** The person's volunteer data for their export (the reader may see the person; audited). */
    @Transactional
    public Export export(UUID personId) {
        access.requireStaffSees(personId);
        List<Match> theirs = new ArrayList<>(matches.ofParticipant(personId));
        theirs.addAll(matches.ofVolunteer(personId));
        List<Meeting> meetings = theirs.stream().flatMap(m -> matches.meetings(m.id()).stream()).toList();
        audit.record(personId, AuditAction.READ, "volunteer.export");
        return new Export(records.profile(personId).orElse(null),
                records.screenings(List.of(personId)).get(personId), matches.wish(personId).orElse(null), theirs,
                meetings);
    }

    /** How many years a police certificate counts in this organisation. */
    @Transactional(readOnly = true)
    public int policeCertificateYears() {
        return records.policeCertificateYears();
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void setPoliceCertificateYears(Integer years) {
        if (years == null || years < 1 || years > 10) {
            throw new InvalidInputException("years", "volunteer.setting.years.range");
        }
        records.setPoliceCertificateYears(years, VolunteerAccess.me());
    }

    private static void notInFuture(List<InvalidInputException> broken, String field, LocalDate date, LocalDate today) {
        if (date != null && (date.isAfter(today) || date.getYear() < 1990)) {
            broken.add(new InvalidInputException(field, "volunteer.date.range"));
        }
    }

    private VolunteerProfile check(UUID personId, VolunteerProfileForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (!persons.hasCurrentRole(personId, PersonRole.VOLUNTEER)) {
            broken.add(new InvalidInputException("kind", "volunteer.profile.notVolunteer"));
        }
        if (form.getKind() == null) {
            broken.add(new InvalidInputException("kind", "volunteer.profile.kind.required"));
        }
        List<String> languages = form.getLanguages() == null ? List.of()
                : Arrays.stream(form.getLanguages().toLowerCase().split("[,\\s]+")).filter(s -> !s.isEmpty())
                        .distinct().toList();
        if (languages.size() > MAX_LANGUAGES || languages.stream().anyMatch(l -> !l.matches("[a-z]{2}"))) {
            broken.add(new InvalidInputException("languages", "volunteer.profile.languages"));
        }
        String gender = blankToNull(form.getPreferredGender());
        if (gender != null && !Set.of("FEMALE", "MALE", "OTHER").contains(gender)) {
            broken.add(new InvalidInputException("preferredGender", "volunteer.profile.gender"));
        }
        Integer min = form.getMinAge();
        Integer max = form.getMaxAge();
        if (min != null && (min < 0 || min > 120)) {
            broken.add(new InvalidInputException("minAge", "volunteer.profile.age.range"));
        }
        if (max != null && (max < 0 || max > 120)) {
            broken.add(new InvalidInputException("maxAge", "volunteer.profile.age.range"));
        } else if (min != null && max != null && min > max) {
            broken.add(new InvalidInputException("maxAge", "volunteer.profile.age.order"));
        }
        if (form.getCapacity() == null || form.getCapacity() < 0 || form.getCapacity() > 20) {
            broken.add(new InvalidInputException("capacity", "volunteer.profile.capacity.range"));
        }
        String municipality = blankToNull(form.getMunicipality());
        String area = blankToNull(form.getArea());
        String presentation = blankToNull(form.getPresentation());
        if (municipality != null && municipality.length() > 100) {
            broken.add(new InvalidInputException("municipality", "volunteer.text.long", 100));
        }
        if (area != null && area.length() > 100) {
            broken.add(new InvalidInputException("area", "volunteer.text.long", 100));
        }
        if (presentation != null && presentation.length() > 2000) {
            broken.add(new InvalidInputException("presentation", "volunteer.text.long", 2000));
        }
        InvalidInputException.throwIfAny(broken);
        Set<UUID> interests = form.getInterestIds() == null ? Set.of()
                : form.getInterestIds().stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        return new VolunteerProfile(personId, form.getKind(), interests, languages, municipality, area,
                Slots.clean(form.getAvailability()),
                form.getSkillAreas() == null ? Set.of() : Set.copyOf(form.getSkillAreas().stream().filter(Objects::nonNull).toList()),
                gender, min, max,
                form.getWontDo() == null ? Set.of() : Set.copyOf(form.getWontDo().stream().filter(Objects::nonNull).toList()),
                form.getCapacity(), presentation);
    }
}

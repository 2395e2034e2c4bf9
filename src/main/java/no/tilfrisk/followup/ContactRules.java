package no.tilfrisk.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The rules a contact and a contact list's filter must keep. Each check adds what is broken to the caller's list, so
 * that a form shows every mistake at once; the caller throws. Dates are judged by the application's clock, and a
 * follow-up date that did not change is not judged again.
 */
@Component
class ContactRules {

    /** The earliest date a contact can have: anything before is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead a contact may be dated: one planned for later today, or logged across midnight. */
    static final Duration AHEAD = Duration.ofDays(1);

    private final PersonLookup persons;
    private final ConsentCheck consents;
    private final UserAccounts users;
    private final Clock clock;

    ContactRules(PersonLookup persons, ConsentCheck consents, UserAccounts users, Clock clock) {
        this.persons = persons;
        this.consents = consents;
        this.users = users;
        this.clock = clock;
    }

    /** The moment of the form's date and time, in Oslo. */
    static Instant occurredAt(ContactForm form) {
        return form.getDate().atTime(form.getTime()).atZone(Dates.OSLO).toInstant();
    }

    /** A person the caller may see, a known user, a period in order; throws all that is broken. */
    void requireFilter(ContactFilter filter) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (filter.personId() != null && !isVisible(filter.personId())) {
            broken.add(new InvalidInputException("person", "contact.filter.person.unknown"));
        }
        if (filter.staffId() != null && users.names(Set.of(filter.staffId())).isEmpty()) {
            broken.add(new InvalidInputException("staff", "contact.filter.staff.unknown"));
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            broken.add(new InvalidInputException("to", "contact.period.order"));
        }
        InvalidInputException.throwIfAny(broken);
    }

    /** The participant of a new contact: named, and one the caller may see. True if so. */
    boolean checkPerson(UUID person, List<InvalidInputException> broken) {
        boolean known = person != null && isVisible(person);
        if (person == null) {
            broken.add(new InvalidInputException("personId", "contact.person.required"));
        } else if (!known) {
            broken.add(new InvalidInputException("personId", "contact.person.unknown"));
        }
        return known;
    }

    /** The date and time rules, the escort's destination and the follow-up date; {@code before} on a change. */
    void checkContact(ContactForm form, ContactRecords.Row before, List<InvalidInputException> broken) {
        if (form.getType() == null) {
            broken.add(new InvalidInputException("type", "contact.type.required"));
        }
        if (form.getDate() == null) {
            broken.add(new InvalidInputException("date", "contact.date.required"));
        } else if (form.getDate().isBefore(EARLIEST)) {
            broken.add(new InvalidInputException("date", "contact.date.range"));
        } else if (form.getTime() == null) {
            broken.add(new InvalidInputException("time", "contact.time.required"));
        } else if (occurredAt(form).isAfter(clock.instant().plus(AHEAD))) {
            broken.add(new InvalidInputException("date", "contact.date.future"));
        }
        if (form.getType() == ContactType.ESCORT && form.getEscortKind() == null) {
            broken.add(new InvalidInputException("escortKind", "contact.escortKind.required"));
        }
        if (form.getDurationMinutes() != null && (form.getDurationMinutes() < 1 || form.getDurationMinutes() > 720)) {
            broken.add(new InvalidInputException("durationMinutes", "contact.duration.range"));
        }
        if (form.getNote() != null && form.getNote().length() > 2000) {
            broken.add(new InvalidInputException("note", "contact.note.size"));
        }
        LocalDate followUp = form.getFollowUpOn();
        // a date kept from before may lie in the past by now; only a new or changed one must not
        boolean changed = before == null || !Objects.equals(before.followUpOn(), followUp);
        LocalDate today = LocalDate.now(clock);
        if (followUp != null && changed && followUp.isBefore(today)) {
            broken.add(new InvalidInputException("followUpOn", "contact.followUp.past"));
        } else if (followUp != null && changed && followUp.isAfter(today.plusYears(2))) {
            broken.add(new InvalidInputException("followUpOn", "contact.followUp.range"));
        }
    }

    /**
     * The staff named, each an active admin, coordinator or staff member of the organisation (or already on the
     * contact); none named means the signed-in user ({@code me}), so someone without an account (Tilfrisk itself)
     * must name one.
     */
    List<UUID> staffChecked(List<UUID> named, Set<UUID> alreadyOn, UUID me, List<InvalidInputException> broken) {
        List<UUID> staff = named.stream().filter(Objects::nonNull).distinct().toList();
        if (staff.isEmpty() && me == null && alreadyOn.isEmpty()) {
            broken.add(new InvalidInputException("staffIds", "contact.staff.required"));
        }
        if (!staff.isEmpty()) {
            Set<UUID> allowed = new HashSet<>(alreadyOn);
            users.staff().forEach(s -> allowed.add(s.id()));
            if (!allowed.containsAll(staff)) {
                broken.add(new InvalidInputException("staffIds", "contact.staff.unknown"));
            }
        }
        return staff;
    }

    /** Relatives present: linked to this participant, and each new one with the participant's consent now. */
    void checkRelatives(UUID person, List<UUID> relativeIds, Set<UUID> alreadyOn, List<InvalidInputException> broken) {
        List<UUID> added = relativeIds.stream().filter(Objects::nonNull).distinct()
                .filter(r -> !alreadyOn.contains(r)).toList();
        if (added.isEmpty()) {
            return;
        }
        Set<UUID> linked = new HashSet<>();
        persons.relativesOf(person).forEach(r -> linked.add(r.id()));
        Set<String> codes = new LinkedHashSet<>();
        for (UUID relative : added) {
            if (!linked.contains(relative)) {
                codes.add("contact.relative.notLinked");
            } else if (!consents.isGiven(person, ConsentPurpose.INVOLVE_RELATIVE, relative, null)) {
                codes.add("contact.relative.noConsent");
            }
        }
        codes.forEach(code -> broken.add(new InvalidInputException("relativeIds", code)));
    }

    /** A void's reason: given, and at most 500 characters. */
    static void requireVoidReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "contact.void.reason.required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "contact.void.reason.size");
        }
    }

    private boolean isVisible(UUID personId) {
        try {
            persons.requireVisible(personId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}

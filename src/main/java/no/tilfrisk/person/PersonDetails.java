package no.tilfrisk.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything on a person's page. {@code note} is null when the reader may not see it; the national id number
 * is only ever masked here.
 */
public record PersonDetails(UUID id, String displayName, String fullName, Integer birthYear, LocalDate birthDate,
                            Gender gender, String phone, String email, String municipality, String note,
                            boolean noteVisible, String nationalIdMasked, boolean active, Instant deactivatedAt,
                            String deactivationReason, Instant createdAt, List<RoleSpan> roles,
                            List<Membership> memberships, List<Consent> consents, List<Relative> relatives,
                            List<TimelineEntry> timeline) {

    /** The purposes with a consent in force, each once, in the order of {@link ConsentPurpose}. */
    public List<ConsentPurpose> givenPurposes() {
        return consents.stream().filter(Consent::active).map(Consent::purpose).distinct().sorted().toList();
    }

    /**
     * The purposes the consent form offers: those about the person alone that are not in force, involving a relative
     * while a linked relative has no consent in force, and sharing with a partner (each partner on their own). Sharing with a
     * volunteer names the volunteer and is given on the match.
     */
    public List<ConsentPurpose> offeredPurposes() {
        List<ConsentPurpose> given = givenPurposes();
        return Arrays.stream(ConsentPurpose.values()).filter(p -> switch (p) {
            case INVOLVE_RELATIVE -> !relativesWithoutConsent().isEmpty();
            case SHARE_WITH_PARTNER -> true;
            case SHARE_WITH_VOLUNTEER -> false; // named on the match, when the participant says yes
            default -> !given.contains(p);
        }).toList();
    }

    /**
     * The purposes about the person alone that are in force: the consent form shows them as given instead of
     * offering them again.
     */
    public List<ConsentPurpose> purposesGivenInForm() {
        return givenPurposes().stream().filter(p -> switch (p) {
            case INVOLVE_RELATIVE, SHARE_WITH_PARTNER, SHARE_WITH_VOLUNTEER -> false;
            default -> true;
        }).toList();
    }

    /** The linked relatives whom the person has not consented to involve. */
    public List<Relative> relativesWithoutConsent() {
        return relatives.stream().filter(r -> consents.stream().noneMatch(c -> c.active()
                && c.purpose() == ConsentPurpose.INVOLVE_RELATIVE && r.personId().equals(c.relativeId()))).toList();
    }

    /** The roles the person has on the day, each once. */
    public List<PersonRole> currentRoles(LocalDate day) {
        return roles.stream().filter(r -> r.current(day)).map(RoleSpan::role).distinct().sorted().toList();
    }
}

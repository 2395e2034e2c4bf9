package no.tilfrisk.person;

import java.util.List;

/** What a consent is for. Each is given and withdrawn on its own. */
public enum ConsentPurpose {
    REGISTRATION,
    CONTACT_SMS,
    CONTACT_EMAIL,
    INVOLVE_RELATIVE,
    SHARE_WITH_PARTNER,
    STATISTICS,
    PHOTOS,
    /**
     * Sharing display name, phone and the goals the participant chose with one named volunteer they are matched
     * with; given when they say yes to the match, never at registration or for volunteers in general.
     */
    SHARE_WITH_VOLUNTEER;

    /** What can be consented to at registration: the purposes that name no one else. */
    public static final List<ConsentPurpose> AT_REGISTRATION = List.of(REGISTRATION, CONTACT_SMS, CONTACT_EMAIL,
            STATISTICS, PHOTOS);

    /** Whether a consent for this purpose names someone: a relative, a partner, a volunteer. */
    public boolean namesSomeone() {
        return this == INVOLVE_RELATIVE || this == SHARE_WITH_PARTNER || this == SHARE_WITH_VOLUNTEER;
    }
}

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
    /** Sharing display name, phone and the goals the participant chose with the volunteer they are matched with. */
    SHARE_WITH_VOLUNTEER;

    /** What can be consented to at registration: the purposes that name no one else. */
    public static final List<ConsentPurpose> AT_REGISTRATION = List.of(REGISTRATION, CONTACT_SMS, CONTACT_EMAIL,
            STATISTICS, PHOTOS, SHARE_WITH_VOLUNTEER);
}

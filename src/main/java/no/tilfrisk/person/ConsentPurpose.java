package no.tilfrisk.person;

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
    SHARE_WITH_VOLUNTEER
}

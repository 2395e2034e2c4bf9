package no.tilfrisk.directory;

import java.util.Locale;

/** What an offer gives (item 1 of issue 19); the tag's code is the lower-case name with hyphens. */
public enum Need {
    FOOD, CLOTHES, SHELTER, ADVICE, ACTIVITIES, WORK_TRAINING, LEGAL_AID, HEALTH_CARE, HARM_REDUCTION, MEETING_PLACE,
    HOUSING, TREATMENT, AFTERCARE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tag for a code; an unknown code throws, so callers can name it in their message. */
    public static Need of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

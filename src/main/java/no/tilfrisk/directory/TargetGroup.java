package no.tilfrisk.directory;

import java.util.Locale;

/** Whom an offer is for; the tag's code is the lower-case name with hyphens. */
public enum TargetGroup {
    ACTIVE_USE, FORMER_USE, YOUNG_ADULTS, WOMEN, MEN, MIGRANTS, RELATIVES, HOMELESS, SEX_WORK, FORMER_PRISONERS,
    LOW_INCOME, MENTAL_HEALTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TargetGroup of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

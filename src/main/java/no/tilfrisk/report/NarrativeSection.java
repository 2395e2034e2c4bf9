package no.tilfrisk.report;

/**
 * The sections of the annual report (PRODUCT.md «The annual report», after seed 000) in their order. Each may carry
 * a narrative written in the app: the introduction, about and closing are nothing else; the computed ones may have
 * a comment under their figures.
 */
public enum NarrativeSection {
    INTRODUCTION("introduction", false),
    ABOUT("about", false),
    ACTIVITY("activity", true),
    EVENTS("events", true),
    PROFESSIONAL("professional", true),
    PARTICIPATION("participation", true),
    FOLLOWUP("followup", true),
    RESULTS("results", true),
    GOVERNANCE("governance", true),
    POLITICAL("political", true),
    CLOSING("closing", false);

    private final String key;
    private final boolean computed;

    NarrativeSection(String key, boolean computed) {
        this.key = key;
        this.computed = computed;
    }

    /** The stable name: in the database, URLs and message keys ({@code report.annual.section.<key>}). */
    public String key() {
        return key;
    }

    public boolean computed() {
        return computed;
    }

    /** The section's number in the report, 1 to 11. */
    public int number() {
        return ordinal() + 1;
    }

    public static NarrativeSection byKey(String key) {
        for (NarrativeSection s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}

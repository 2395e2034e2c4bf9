package no.tilfrisk.platform;

/** Text as a form sends it, made ready to store. */
public final class Text {

    private Text() {
    }

    /** The text without its surrounding white space, or null where nothing (or only white space) was given. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

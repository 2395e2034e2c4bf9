package no.tilfrisk.notification;

import java.util.List;
import java.util.Objects;

/**
 * A notice's wording: its kind (for the log), and message keys for the subject (e-mail) and the text, with their
 * arguments. The keys must lie under {@code notification.}: every wording is a fixed text in the message files,
 * written so it never says what an appointment or alert is about («Du har en avtale i morgen kl. 10»). Arguments
 * are times, dates and places, never notes.
 */
public record Notice(String kind, String subjectKey, String textKey, List<Object> args) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        if (!kind.matches("[a-z][a-zA-Z0-9.-]{0,79}")) {
            throw new IllegalArgumentException("A notice kind is a short code such as transition.alert: " + kind);
        }
        requireNotificationKey(subjectKey);
        requireNotificationKey(textKey);
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Notice of(String kind, String subjectKey, String textKey, Object... args) {
        return new Notice(kind, subjectKey, textKey, List.of(args));
    }

    private static void requireNotificationKey(String key) {
        if (key == null || !key.startsWith("notification.")) {
            throw new IllegalArgumentException("A notice's wording is a notification.* message key: " + key);
        }
    }
}

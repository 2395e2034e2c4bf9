package no.tilfrisk.volunteer.matching;

import java.util.List;
import java.util.Objects;

/**
 * One reason in words: a message key in {@code messages_*.properties} and its arguments, already display text.
 * Where an argument is a word the JDK can name in both languages (a weekday, a language), the reason carries it
 * twice, bokmål as {0} and English as {1}, and each message uses its own; see {@link MatchScore}.
 */
public record Reason(String messageKey, List<String> args) {

    public Reason {
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args);
    }

    static Reason of(String messageKey, String... args) {
        return new Reason(messageKey, List.of(args));
    }
}

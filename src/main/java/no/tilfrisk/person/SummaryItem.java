package no.tilfrisk.person;

import java.util.List;
import java.util.Objects;

/**
 * One fact in the summary at the top of a person's page, as {@code Neste oppfølging: 12.12.2026}.
 *
 * @param order    its place among the items (follow-up 10, plan 20, measurement 30, volunteer 40, transition 50)
 * @param labelKey the message naming the fact, as {@code summary.followUp}
 * @param textKey  the message saying it, with {@code args} as its arguments
 * @param args     the arguments: text, numbers, a {@link java.time.LocalDate} (shown as a date in the reader's
 *                 language) or a {@link org.springframework.context.MessageSourceResolvable} (a message of its own)
 * @param href     where the fact is shown in full, or null
 * @param warning  whether the fact needs attention (a follow-up that is overdue)
 */
public record SummaryItem(int order, String labelKey, String textKey, List<Object> args, String href,
                          boolean warning) {

    public SummaryItem {
        Objects.requireNonNull(labelKey);
        Objects.requireNonNull(textKey);
        args = args == null ? List.of() : List.copyOf(args);
    }
}

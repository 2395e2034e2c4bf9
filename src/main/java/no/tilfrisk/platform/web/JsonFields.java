package no.tilfrisk.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * What a field of a JSON body expects, in words in the caller's language and in the API's own forms (an ISO date,
 * the names of an enum's choices): what {@link ApiProblems} says beside the field's path instead of «not valid JSON».
 */
final class JsonFields {

    private JsonFields() {
    }

    /** What the field takes: a whole number, a date on the form 2026-03-02, one of the listed choices … */
    static String expected(Class<?> type, MessageSource messages, Locale locale) {
        if (type == null) {
            return messages.getMessage("problem.expected.value", null, locale);
        }
        if (type.isEnum()) {
            String choices = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return messages.getMessage("problem.expected.choice", new Object[] {choices}, locale);
        }
        return messages.getMessage("problem.expected." + kind(type), null, locale);
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == LocalTime.class) {
            return "time";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "dateTime";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return "object";
    }
}

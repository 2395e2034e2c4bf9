package no.tilfrisk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One change to a plan: who, when, what (entity and group) and each field before and after. */
public record PlanChange(Instant at, String actorName, String entity, UUID entityId, String fieldGroup,
                         List<FieldChange> fields) {

    /** One field; values as stored: enum names, ISO dates, text. */
    public record FieldChange(String field, String before, String after) {

        /** The message prefix that names an enum value of this field, or null for a plain value. */
        public String messagePrefix() {
            return switch (field) {
                case "status" -> "plan.status.";
                case "lifeArea" -> "plan.area.";
                case "responsible" -> "plan.responsible.";
                default -> null;
            };
        }

        public boolean isDate() {
            return field.endsWith("On") || field.endsWith("Date");
        }

        public LocalDate beforeDate() {
            return before == null ? null : LocalDate.parse(before);
        }

        public LocalDate afterDate() {
            return after == null ? null : LocalDate.parse(after);
        }
    }
}

package no.tilfrisk.person;

import java.time.LocalDate;
import java.util.UUID;

public record RoleSpan(UUID id, PersonRole role, LocalDate from, LocalDate to) {
    /** Whether it still holds on {@code today}: no end, or an end not before it. */
    public boolean current(LocalDate today) {
        return to == null || !to.isBefore(today);
    }
}

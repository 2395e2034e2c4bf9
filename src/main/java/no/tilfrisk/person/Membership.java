package no.tilfrisk.person;

import java.time.LocalDate;
import java.util.UUID;

/** A person's membership of a department, with dates. */
public record Membership(UUID id, UUID departmentId, String departmentName, LocalDate from, LocalDate to) {
    public boolean current() {
        return to == null || !to.isBefore(LocalDate.now());
    }
}

package no.tilfrisk.person;

import java.time.LocalDate;
import java.util.UUID;

public record RoleSpan(UUID id, PersonRole role, LocalDate from, LocalDate to) {
    public boolean current() {
        return to == null || !to.isBefore(LocalDate.now());
    }
}

package no.tilfrisk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditEntry;
import org.junit.jupiter.api.Test;

/** «Hvem har sett opplysningene mine» grouped by day and person, a hundred reads as one line (issue 15, item 10). */
class SeenByDayTest {

    private static final UUID ADA = UUID.randomUUID();
    private static final UUID BO = UUID.randomUUID();

    @Test
    void aSearchThatReadAHundredRowsIsOneLineWithItsCount() {
        List<AuditEntry> entries = new ArrayList<>();
        // newest first, as the trail gives them; 23:30 UTC on 6 December is 7 December in Oslo
        entries.add(entry(ADA, "Ada Admin", AuditAction.UPDATE, "plan.goal", "2026-12-06T23:30:00Z"));
        for (int i = 0; i < 100; i++) {
            entries.add(entry(BO, "Bo Ansatt", AuditAction.LIST, "person.search", "2026-12-06T12:00:00Z"));
        }
        entries.add(entry(ADA, "Ada Admin", AuditAction.READ, "person.profile", "2026-12-06T11:00:00Z"));
        entries.add(entry(ADA, "Ada Admin", AuditAction.READ, "followup.contact:x", "2026-12-06T10:00:00Z"));
        entries.add(entry(ADA, "Ada Admin", AuditAction.READ, "person.profile", "2026-12-06T09:00:00Z"));
        entries.add(entry(null, null, AuditAction.READ, "something.else", "2026-12-05T09:00:00Z"));

        List<SeenByDay> days = SeenByDay.of(entries);

        assertThat(days).extracting(d -> d.day().toString()).containsExactly("2026-12-07", "2026-12-06", "2026-12-05");
        assertThat(days.get(0).seers()).containsExactly(new SeenByDay.Seer("Ada Admin",
                List.of(new SeenByDay.Seen(AuditAction.UPDATE, "plan", 1))));
        assertThat(days.get(1).seers()).containsExactly(
                new SeenByDay.Seer("Bo Ansatt", List.of(new SeenByDay.Seen(AuditAction.LIST, "person", 100))),
                new SeenByDay.Seer("Ada Admin", List.of(new SeenByDay.Seen(AuditAction.READ, "person", 2),
                        new SeenByDay.Seen(AuditAction.READ, "followup", 1))));
        assertThat(days.get(2).seers()).containsExactly(new SeenByDay.Seer(null,
                List.of(new SeenByDay.Seen(AuditAction.READ, "other", 1))));
    }

    private static AuditEntry entry(UUID actor, String name, AuditAction action, String what, String at) {
        return new AuditEntry(0, Instant.parse(at), actor, name, UUID.randomUUID(), action, what, null, null);
    }
}

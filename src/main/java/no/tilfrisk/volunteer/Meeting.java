package no.tilfrisk.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A meeting a volunteer logged: the day, the hours, what they did, and a note only the staff see. */
public record Meeting(UUID id, UUID matchId, LocalDate metOn, BigDecimal hours, MeetingKind what, String note) {
}

package no.tilfrisk.leisure;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** A club or association of the catalogue; the cost per year in øre. */
public record Club(UUID id, String name, ClubKind kind, String municipality, String address, String contactPerson,
                   String contactPhone, List<DayOfWeek> meetingDays, String meetingTimes, Long costPerYearOre,
                   String equipmentNeeded, String accessibility, boolean usedBefore, String experience) {
}

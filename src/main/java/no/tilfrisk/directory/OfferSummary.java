package no.tilfrisk.directory;

import java.util.List;
import java.util.UUID;

/** An offer in a list of hits: enough to choose, and whether it is open now. */
public record OfferSummary(UUID id, String name, String operatorName, String area, List<Need> needs,
                           List<TargetGroup> targetGroups, Boolean lowThreshold, Boolean free, boolean hoursKnown,
                           boolean openNow) {
}

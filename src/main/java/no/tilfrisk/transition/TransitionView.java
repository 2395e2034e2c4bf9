package no.tilfrisk.transition;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A transition as its page shows it: the person's name, the checklist, the date moves and the open alerts, with
 * the names of the staff and partner organisations named in it.
 */
public record TransitionView(Transition transition, String personName, List<ChecklistItem> items,
                             List<DateMove> moves, List<Alert> openAlerts, Map<UUID, String> staffNames,
                             Map<UUID, String> partnerNames) {

    /** Items not in place and not «not needed». */
    public long openItemCount() {
        return items.stream().filter(i -> !i.status().ready()).count();
    }
}

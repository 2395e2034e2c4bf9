package no.tilfrisk.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.transition.internal.TransitionAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's own transitions on «Min side»: the coming one (and one that happened within the last
 * {@value #SHOWN_AFTER_DAYS} days), its checklist with who is responsible for what, and the items that are their own
 * to mark. The reading is in the audit trail like any other.
 */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class MyTransition {

    static final int SHOWN_AFTER_DAYS = 60;

    /** A transition as its person sees it, with the names of the staff and partners responsible for items. */
    public record Mine(Transition transition, List<ChecklistItem> items, Map<UUID, String> staffNames,
                       Map<UUID, String> partnerNames) {

        public long readyCount() {
            return items.stream().filter(i -> i.status().ready()).count();
        }
    }

    private final TransitionRecords records;
    private final Transitions transitions;
    private final TransitionAccess access;
    private final UserAccounts accounts;
    private final List<ResponsiblePartners> partners;
    private final AuditTrail audit;
    private final Clock clock;

    MyTransition(TransitionRecords records, Transitions transitions, TransitionAccess access, UserAccounts accounts,
                 List<ResponsiblePartners> partners, AuditTrail audit, Clock clock) {
        this.records = records;
        this.transitions = transitions;
        this.access = access;
        this.accounts = accounts;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /** The participant's transitions to show: coming, or happened within the last 60 days; soonest first. */
    @Transactional
    public List<Mine> mine() {
        UUID me = access.myPerson();
        LocalDate from = LocalDate.now(clock).minusDays(SHOWN_AFTER_DAYS);
        List<Transition> shown = records.ofPerson(me).stream().filter(t -> !t.leftOn().isBefore(from))
                .sorted((a, b) -> a.leftOn().compareTo(b.leftOn())).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        audit.record(me, AuditAction.READ, "transition.mine");
        return shown.stream().map(t -> {
            List<ChecklistItem> items = records.items(t.id());
            Set<UUID> staff = new HashSet<>();
            items.stream().map(ChecklistItem::responsibleAccountId).filter(Objects::nonNull).forEach(staff::add);
            Set<UUID> orgs = items.stream().map(ChecklistItem::responsiblePartnerOrg).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Map<UUID, String> partnerNames = new HashMap<>();
            if (!orgs.isEmpty()) {
                partners.forEach(p -> partnerNames.putAll(p.names(orgs)));
            }
            return new Mine(t, items, accounts.names(staff), partnerNames);
        }).toList();
    }

    /** Marks one of the participant's own items (one they are responsible for); any other is «not found». */
    @Transactional
    public ChecklistItem mark(UUID itemId, ItemStatus status) {
        return transitions.updateItem(itemId, new ItemUpdate(status, null), Actor.PERSON);
    }
}

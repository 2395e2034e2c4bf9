package no.tilfrisk.transition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.notification.Notice;
import no.tilfrisk.notification.Notifications;
import no.tilfrisk.notification.Outcome;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.internal.TransitionAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts of transitions ({@link AlertSchedule} says which is due). {@link #runDaily()} is the daily job's
 * work: for every organisation, as Tilfrisk itself, in a transaction of its own, it makes the alerts due today
 * (the clock's day). An alert goes to the transition's coordinator with every item not in place,
 * and to each other staff member answerable for an item with theirs. The table's unique key (transition, step,
 * date, recipient) makes a second run, or a second node at the same time, create nothing; a moved date closes the
 * old date's alerts ({@link Transitions#moveDate}) and the next run makes the new date's. A recipient who chose it
 * gets an e-mail about each new alert (through the notification module, never twice for one alert).
 */
@Service
public class TransitionAlerts {

    private final TransitionRecords records;
    private final ContactFigures contacts;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final AsSystem asSystem;
    private final Notifications notifications;
    private final Clock clock;

    TransitionAlerts(TransitionRecords records, ContactFigures contacts, PersonLookup persons, AuditTrail audit,
                     AsSystem asSystem, Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.records = records;
        this.contacts = contacts;
        this.persons = persons;
        this.audit = audit;
        this.asSystem = asSystem;
        this.clock = clock;
    }

    /**
     * The daily job's work: today's alerts in every organisation, each as Tilfrisk itself in a transaction of its
     * own. Safe to run again the same day, or on two nodes at once.
     */
    public void runDaily() {
        asSystem.forEachOrganisation("transition.alerts", organisation -> makeAlerts());
    }

    /**
     * The caller's organisation's alerts due today (the clock's day in Oslo); returns how many were new. The caller
     * is Tilfrisk itself or an admin.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public int makeAlerts() {
        LocalDate today = LocalDate.now(clock);
        int made = 0;
        for (Transition t : records.between(today.minusDays(AlertSchedule.FIRST_CONTACT_DAYS + 1 + 31),
                today.plusDays(AlertStep.WEEKS_8.daysBefore()))) {
            made += readiness(t, today) + firstContact(t, today);
        }
        return made;
    }

    private int readiness(Transition t, LocalDate today) {
        Optional<AlertStep> step = AlertSchedule.readiness(t.expectedOn(), t.actualOn(), today);
        if (step.isEmpty()) {
            return 0;
        }
        List<ChecklistItem> open = records.items(t.id()).stream().filter(i -> !i.status().ready()).toList();
        if (open.isEmpty()) {
            return 0;
        }
        Map<UUID, List<UUID>> byRecipient = new LinkedHashMap<>();
        if (t.coordinatorId() != null) {
            byRecipient.put(t.coordinatorId(), open.stream().map(ChecklistItem::id).toList());
        }
        for (ChecklistItem i : open) {
            if (i.responsibleAccountId() != null && !i.responsibleAccountId().equals(t.coordinatorId())) {
                byRecipient.computeIfAbsent(i.responsibleAccountId(), k -> new ArrayList<>()).add(i.id());
            }
        }
        int made = 0;
        for (Map.Entry<UUID, List<UUID>> e : byRecipient.entrySet()) {
            if (records.insertAlert(t.id(), step.get(), t.expectedOn(), e.getKey(), e.getValue(), today)) {
                records.closeEarlierSteps(t.id(), e.getKey(), step.get());
                email(t, step.get(), t.expectedOn(), e.getKey());
                made++;
            }
        }
        if (made > 0) {
            audit.record(t.personId(), AuditAction.CREATE, "transition.alert");
        }
        return made;
    }

    private int firstContact(Transition t, LocalDate today) {
        LocalDate left = t.leftOn();
        if (t.coordinatorId() == null || !AlertSchedule.firstContactDue(left, today)
                || contacts.firstContact(t.personId(), left, AlertSchedule.lastContactDay(left)).isPresent()) {
            return 0;
        }
        if (records.insertAlert(t.id(), AlertStep.NO_CONTACT, left, t.coordinatorId(), List.of(), today)) {
            email(t, AlertStep.NO_CONTACT, left, t.coordinatorId());
            audit.record(t.personId(), AuditAction.CREATE, "transition.alert");
            return 1;
        }
        return 0;
    }

    /**
     * An e-mail about a new alert to a recipient who chose it, in fixed words without the person or what it is about
     * («you have a new alert, sign in»); its id follows from the alert, so it is never sent twice.
     */
    private void email(Transition t, AlertStep step, LocalDate target, UUID recipient) {
        if (!records.wantsEmail(recipient)) {
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("transition-alert:" + t.id() + ":" + step + ":" + target + ":" + recipient)
                .getBytes(StandardCharsets.UTF_8));
        Outcome outcome = notifications.toUser(id, recipient, Notice.of("transition.alert",
                "notification.transitionAlert.subject", "notification.transitionAlert.text"), Locale.forLanguageTag("nb"));
        if (outcome == Outcome.SENT || outcome == Outcome.ALREADY_SENT) {
            records.markEmailed(t.id(), step, target, recipient);
        }
    }

    /** Whether the caller gets their alerts by e-mail as well. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public boolean emailChosen() {
        return records.wantsEmail(TransitionAccess.me());
    }

    /** The caller chooses to get their alerts by e-mail as well, or not. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void chooseEmail(boolean chosen) {
        records.chooseEmail(TransitionAccess.me(), chosen);
    }

    /**
     * The caller's open alerts on transitions of persons they may see, with the items still not in place (an item
     * put in place since leaves the list; an alert whose items are all in place is not shown). Each person shown
     * is audited.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public List<AlertTask> mine() {
        List<Alert> alerts = records.openAlertsFor(TransitionAccess.me());
        if (alerts.isEmpty()) {
            return List.of();
        }
        Set<UUID> visible = persons.visiblePersonIds();
        Map<UUID, Transition> transitions = new LinkedHashMap<>();
        alerts.forEach(a -> records.find(a.transitionId()).ifPresent(t -> transitions.put(t.id(), t)));
        Map<UUID, ChecklistItem> items = new LinkedHashMap<>();
        if (!transitions.isEmpty()) {
            records.itemsOf(new ArrayList<>(transitions.keySet())).forEach(i -> items.put(i.id(), i));
        }
        Map<UUID, PersonLookup.PersonName> names = persons.names(
                transitions.values().stream().map(Transition::personId).distinct().toList());
        List<AlertTask> out = new ArrayList<>();
        for (Alert a : alerts) {
            Transition t = transitions.get(a.transitionId());
            if (t == null || !visible.contains(t.personId()) || !names.containsKey(t.personId())) {
                continue;
            }
            List<ChecklistItem> still = a.openItems().stream().map(items::get).filter(Objects::nonNull)
                    .filter(i -> !i.status().ready()).toList();
            if (a.step() != AlertStep.NO_CONTACT && still.isEmpty()) {
                continue;
            }
            out.add(new AlertTask(a, t.personId(), names.get(t.personId()).displayName(), still));
        }
        audit.recordEach(out.stream().map(AlertTask::personId).distinct().toList(), AuditAction.READ,
                "transition.alert");
        return out;
    }

    /** The recipient marks an alert seen and dealt with; anyone else's alert is «not found». */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void done(UUID alertId) {
        Alert a = records.alert(alertId).filter(x -> x.recipientId().equals(TransitionAccess.me()))
                .orElseThrow(() -> new NotFoundException("Alert"));
        records.closeAlert(a.id(), "DONE");
        records.find(a.transitionId()).ifPresent(t -> audit.record(t.personId(), AuditAction.UPDATE, "transition.alert"));
    }
}

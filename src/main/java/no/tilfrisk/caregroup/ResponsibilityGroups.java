package no.tilfrisk.caregroup;

import static no.tilfrisk.platform.Text.blankToNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import no.tilfrisk.caregroup.CareGroupRecords.MemberRow;
import no.tilfrisk.partner.PartnerOrganisation;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.Transition;
import no.tilfrisk.transition.Transitions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility group (ansvarsgruppe) of a person (issue 17, item 4): staff who may see the person keep its
 * members and meetings; the person reads it on «Min side». A member must belong here: an account of this
 * organisation, a partner organisation of its register that the person consents to share with, a relative of the
 * person whom the person has consented to involve. Every rule is checked before anything is saved.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class ResponsibilityGroups {

    static final int MINUTES_MAX = 4000;

    private final CareGroupRecords records;
    private final PersonLookup persons;
    private final UserAccounts users;
    private final PartnerOrganisations partners;
    private final ConsentCheck consents;
    private final Plans plans;
    private final Transitions transitions;
    private final MeetingNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    ResponsibilityGroups(CareGroupRecords records, PersonLookup persons, UserAccounts users, PartnerOrganisations partners,
                         ConsentCheck consents, Plans plans, Transitions transitions, MeetingNotices notices, AuditTrail audit,
                         Clock clock) {
        this.transitions = transitions;
        this.notices = notices;
        this.records = records;
        this.persons = persons;
        this.users = users;
        this.partners = partners;
        this.consents = consents;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's group (empty if none yet), for staff who may see the person. */
    @Transactional
    public GroupView group(UUID personId) {
        persons.requireVisible(personId);
        audit.record(personId, AuditAction.READ, "caregroup");
        return view(personId);
    }

    /** The signed-in participant's own group, minutes included. */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public GroupView mine() {
        UUID me = Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElseThrow();
        UUID personId = users.personOf(me).orElseThrow(() -> new NotFoundException("Person"));
        audit.record(personId, AuditAction.READ, "caregroup");
        return view(personId);
    }

    /** The partner organisations that may be added: those the person consents to share with now. */
    @Transactional(readOnly = true)
    public List<PartnerOrganisation> partnerChoices(UUID personId) {
        persons.requireVisible(personId);
        return partners.withConsentOf(personId);
    }

    /** The relatives that may be added: those linked to the person whom the person consents to involve. */
    @Transactional(readOnly = true)
    public List<PersonLookup.PersonName> relativeChoices(UUID personId) {
        persons.requireVisible(personId);
        return persons.relativesOf(personId).stream()
                .filter(r -> consents.isGiven(personId, ConsentPurpose.INVOLVE_RELATIVE, r.id(), null)).toList();
    }

    /** Adds a member; the form's id makes a double submit add one. */
    @Transactional
    public UUID addMember(UUID id, UUID personId, MemberForm form) {
        persons.requireVisible(personId);
        List<InvalidInputException> broken = new ArrayList<>();
        String role = blankToNull(form.getRole());
        if (role != null && role.strip().length() > 200) {
            broken.add(new InvalidInputException("role", "caregroup.role.size", 200));
        }
        if (form.getKind() == null) {
            broken.add(new InvalidInputException("kind", "caregroup.kind.required"));
        } else {
            checkWho(personId, form, broken);
        }
        InvalidInputException.throwIfAny(broken);
        UUID group = records.ensureGroup(personId, me());
        boolean added = records.addMember(id, group, form, role == null ? null : role.strip());
        if (!added && records.members(group).stream().noneMatch(m -> m.id().equals(id))) {
            throw new InvalidInputException(field(form.getKind()), "caregroup.member.duplicate");
        }
        audit.record(personId, AuditAction.UPDATE, "caregroup.member");
        return id;
    }

    @Transactional
    public void removeMember(UUID personId, UUID memberId) {
        persons.requireVisible(personId);
        UUID group = records.groupOf(personId).orElseThrow(() -> new NotFoundException("Member"));
        if (records.removeMember(group, memberId) == 0) {
            throw new NotFoundException("Member");
        }
        audit.record(personId, AuditAction.UPDATE, "caregroup.member");
    }

    /**
     * Records a meeting with who came (members of the group) and the minutes; the form's id makes it once. A meeting
     * set for today or later is told to the members who chose a channel ({@link MeetingNotices}).
     */
    @Transactional
    public UUID addMeeting(UUID id, UUID personId, MeetingForm form) {
        persons.requireVisible(personId);
        UUID group = records.groupOf(personId).orElse(null);
        if (records.meetingExists(id)) {
            if (group == null || !records.groupOfMeeting(id).map(group::equals).orElse(false)) {
                throw new NotFoundException("Meeting");
            }
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getHeldOn() == null) {
            broken.add(new InvalidInputException("heldOn", "caregroup.heldOn.required"));
        } else if (form.getHeldOn().isAfter(LocalDate.now(clock).plusYears(2))
                || form.getHeldOn().isBefore(LocalDate.now(clock).minusYears(10))) {
            broken.add(new InvalidInputException("heldOn", "caregroup.heldOn.range"));
        }
        String minutes = blankToNull(form.getMinutes());
        if (minutes != null && minutes.length() > MINUTES_MAX) {
            broken.add(new InvalidInputException("minutes", "caregroup.minutes.size", MINUTES_MAX));
        }
        Set<UUID> members = group == null ? Set.of()
                : records.members(group).stream().map(MemberRow::id).collect(Collectors.toSet());
        Set<UUID> came = new HashSet<>(form.getAttendees());
        came.remove(null);
        if (!members.containsAll(came)) {
            broken.add(new InvalidInputException("attendees", "caregroup.attendees.notMembers"));
        }
        if (group == null) {
            broken.add(new InvalidInputException("attendees", "caregroup.noMembers"));
        }
        InvalidInputException.throwIfAny(broken);
        records.addMeeting(id, group, form.getHeldOn(), minutes, List.copyOf(came), me());
        audit.record(personId, AuditAction.UPDATE, "caregroup.meeting");
        notices.meetingSet(id, form.getHeldOn(), personId, records.members(group));
        return id;
    }

    /**
     * Records a decision of a meeting: what, which member answers for it, by when. As the user picks, it also becomes
     * an action under a goal of the person's plan, or an item of the checklist of the person's open transition (with
     * the member as the one who answers for it, and the date as its due date), in the same transaction; a relative
     * answers for no checklist item.
     */
    @Transactional
    public UUID addDecision(UUID id, UUID personId, UUID meetingId, DecisionForm form) {
        persons.requireVisible(personId);
        UUID group = records.groupOf(personId).orElseThrow(() -> new NotFoundException("Meeting"));
        if (!records.groupOfMeeting(meetingId).map(group::equals).orElse(false)) {
            throw new NotFoundException("Meeting");
        }
        if (records.decisionExists(id)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        String what = blankToNull(form.getWhat());
        if (what == null) {
            broken.add(new InvalidInputException("what", "caregroup.decision.what.required"));
        } else if (what.strip().length() > 500) {
            broken.add(new InvalidInputException("what", "caregroup.decision.what.size", 500));
        }
        MemberRow responsible = null;
        if (form.getResponsibleMemberId() != null) {
            responsible = records.members(group).stream().filter(m -> m.id().equals(form.getResponsibleMemberId()))
                    .findFirst().orElse(null);
            if (responsible == null) {
                broken.add(new InvalidInputException("responsibleMemberId", "caregroup.attendees.notMembers"));
            }
        }
        DecisionTarget becomes = form.getBecomes();
        if (becomes == DecisionTarget.PLAN_ACTION && form.getGoalId() == null) {
            broken.add(new InvalidInputException("goalId", "caregroup.decision.goal.unknown"));
        }
        if (becomes == DecisionTarget.PLAN_ACTION && responsible == null) {
            broken.add(new InvalidInputException("responsibleMemberId", "caregroup.decision.responsible.forPlan"));
        }
        Transition open = null;
        if (becomes == DecisionTarget.CHECKLIST_ITEM) {
            open = transitions.openOf(personId);
            if (open == null) {
                broken.add(new InvalidInputException("becomes", "caregroup.decision.noTransition"));
            }
            if (responsible == null) {
                broken.add(new InvalidInputException("responsibleMemberId", "caregroup.decision.responsible.forChecklist"));
            } else if (responsible.kind() == MemberKind.RELATIVE) {
                broken.add(new InvalidInputException("responsibleMemberId", "caregroup.decision.relative.checklist"));
            }
        }
        InvalidInputException.throwIfAny(broken);
        UUID action = null;
        if (becomes == DecisionTarget.PLAN_ACTION) {
            action = UUID.nameUUIDFromBytes(("caregroup-decision:" + id).getBytes(StandardCharsets.UTF_8));
            try {
                plans.addAction(action, personId, form.getGoalId(),
                        DecisionTargets.actionFor(what.strip(), responsible, names(personId, "", List.of(responsible)).get(responsible.id()),
                                form.getDueOn()));
            } catch (InvalidInputException e) {
                // the plan's rules, told on this form's fields
                InvalidInputException.throwIfAny(e.all().stream().map(x -> new InvalidInputException(
                        "targetDate".equals(x.field()) ? "dueOn" : "text".equals(x.field()) ? "what" : "goalId",
                        x.code(), x.args())).toList());
            } catch (NotFoundException e) {
                throw new InvalidInputException("goalId", "caregroup.decision.goal.unknown");
            }
        }
        UUID item = null;
        if (becomes == DecisionTarget.CHECKLIST_ITEM) {
            item = UUID.nameUUIDFromBytes(("caregroup-decision-item:" + id).getBytes(StandardCharsets.UTF_8));
            try {
                transitions.addItem(item, open.id(), DecisionTargets.itemFor(what.strip(), responsible, form.getDueOn()));
            } catch (InvalidInputException e) {
                // the checklist's rules, told on this form's fields
                InvalidInputException.throwIfAny(e.all().stream().map(x -> new InvalidInputException(
                        "label".equals(x.field()) ? "what" : "dueOn".equals(x.field()) ? "dueOn" : "responsibleMemberId",
                        x.code(), x.args())).toList());
            }
        }
        records.addDecision(id, meetingId, form, what.strip(), action, item, me());
        audit.record(personId, AuditAction.UPDATE, "caregroup.decision");
        return id;
    }

    private void checkWho(UUID personId, MemberForm form, List<InvalidInputException> broken) {
        switch (form.getKind()) {
            case PERSON -> { }
            case COORDINATOR, STAFF -> {
                if (form.getUserId() == null) {
                    broken.add(new InvalidInputException("userId", "caregroup.userId.required"));
                } else if (users.staff().stream().noneMatch(s -> s.id().equals(form.getUserId()))) {
                    broken.add(new InvalidInputException("userId", "caregroup.member.otherOrganisation"));
                }
            }
            case PARTNER -> {
                if (form.getPartnerId() == null) {
                    broken.add(new InvalidInputException("partnerId", "caregroup.partnerId.required"));
                } else if (partners.names(List.of(form.getPartnerId())).isEmpty()) {
                    broken.add(new InvalidInputException("partnerId", "caregroup.member.otherOrganisation"));
                } else if (partners.withConsentOf(personId).stream().noneMatch(p -> p.id().equals(form.getPartnerId()))) {
                    broken.add(new InvalidInputException("partnerId", "caregroup.partner.noConsent"));
                }
            }
            case RELATIVE -> {
                if (form.getRelativeId() == null) {
                    broken.add(new InvalidInputException("relativeId", "caregroup.relativeId.required"));
                } else if (!persons.isOurs(form.getRelativeId())) {
                    broken.add(new InvalidInputException("relativeId", "caregroup.member.otherOrganisation"));
                } else if (relativeChoices(personId).stream().noneMatch(r -> r.id().equals(form.getRelativeId()))) {
                    broken.add(new InvalidInputException("relativeId", "caregroup.relative.noConsent"));
                }
            }
        }
    }

    private static String field(MemberKind kind) {
        return switch (kind) {
            case PERSON -> "kind";
            case COORDINATOR, STAFF -> "userId";
            case PARTNER -> "partnerId";
            case RELATIVE -> "relativeId";
        };
    }

    private GroupView view(UUID personId) {
        var name = persons.names(List.of(personId)).get(personId);
        UUID group = records.groupOf(personId).orElse(null);
        if (group == null) {
            return new GroupView(personId, name == null ? "" : name.displayName(), List.of(), List.of());
        }
        List<MemberRow> all = records.allMembers(group);
        Map<UUID, String> names = names(personId, name == null ? "" : name.displayName(), all);
        List<GroupView.Member> current = records.members(group).stream()
                .map(m -> new GroupView.Member(m.id(), m.kind(), names.get(m.id()), m.role())).toList();
        Map<UUID, List<String>> came = new HashMap<>();
        records.attendees(group).forEach(a -> came.computeIfAbsent(a[0], k -> new ArrayList<>()).add(names.get(a[1])));
        Map<UUID, List<GroupView.Decision>> decisions = new HashMap<>();
        records.decisions(group).forEach(d -> decisions.computeIfAbsent(d.meetingId(), k -> new ArrayList<>())
                .add(new GroupView.Decision(d.id(), d.what(), d.responsibleMemberId() == null ? null
                        : names.get(d.responsibleMemberId()), d.dueOn(), d.planActionId() != null,
                        d.checklistItemId() != null)));
        List<GroupView.Meeting> meetings = records.meetings(group).stream()
                .map(m -> new GroupView.Meeting(m.id(), m.heldOn(), came.getOrDefault(m.id(), List.of()),
                        records.minutes(m), decisions.getOrDefault(m.id(), List.of()))).toList();
        return new GroupView(personId, name == null ? "" : name.displayName(), current, meetings);
    }

    private Map<UUID, String> names(UUID personId, String personName, Collection<MemberRow> members) {
        Map<UUID, String> staff = users.names(members.stream().map(MemberRow::userId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<UUID, String> partnerNames = partners.names(members.stream().map(MemberRow::partnerOrganisationId)
                .filter(Objects::nonNull).toList());
        Map<UUID, PersonLookup.PersonName> relatives = persons.names(members.stream().map(MemberRow::relativeId)
                .filter(Objects::nonNull).toList());
        Map<UUID, String> out = new HashMap<>();
        for (MemberRow m : members) {
            out.put(m.id(), switch (m.kind()) {
                case PERSON -> personName;
                case COORDINATOR, STAFF -> staff.getOrDefault(m.userId(), "");
                case PARTNER -> partnerNames.getOrDefault(m.partnerOrganisationId(), "");
                case RELATIVE -> relatives.containsKey(m.relativeId()) ? relatives.get(m.relativeId()).displayName() : "";
            });
        }
        return out;
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}

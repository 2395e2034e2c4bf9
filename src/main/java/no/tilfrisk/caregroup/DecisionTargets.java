package no.tilfrisk.caregroup;

import java.time.LocalDate;
import no.tilfrisk.caregroup.CareGroupRecords.MemberRow;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ResponsibleKind;

/** What a decision becomes in another module: a plan action's form, or a checklist item's form, from its member. */
final class DecisionTargets {

    private DecisionTargets() {
    }

    static ActionForm actionFor(String what, MemberRow responsible, String name, LocalDate due) {
        ActionForm action = new ActionForm();
        action.setText(what);
        action.setTargetDate(due);
        switch (responsible.kind()) {
            case STAFF, COORDINATOR -> {
                action.setResponsible(Responsible.STAFF);
                action.setResponsibleUserId(responsible.userId());
            }
            case PERSON -> action.setResponsible(Responsible.PARTICIPANT);
            case PARTNER -> {
                action.setResponsible(Responsible.PARTNER);
                action.setResponsibleName(name);
            }
            case RELATIVE -> {
                action.setResponsible(Responsible.RELATIVE);
                action.setResponsibleName(name);
            }
        }
        return action;
    }

    /** The checklist item a decision becomes: the decision's words, its member as the responsible, its date. */
    static ItemForm itemFor(String what, MemberRow responsible, LocalDate due) {
        ItemForm item = new ItemForm();
        item.setLabel(what.length() > 200 ? what.substring(0, 200) : what);
        item.setStatus(ItemStatus.NOT_STARTED);
        item.setDueOn(due);
        switch (responsible.kind()) {
            case STAFF, COORDINATOR -> {
                item.setResponsibleKind(ResponsibleKind.STAFF);
                item.setResponsibleAccountId(responsible.userId());
            }
            case PERSON -> item.setResponsibleKind(ResponsibleKind.PERSON);
            case PARTNER -> {
                item.setResponsibleKind(ResponsibleKind.PARTNER);
                item.setResponsiblePartnerOrg(responsible.partnerOrganisationId());
            }
            case RELATIVE -> throw new IllegalStateException("a relative answers for no checklist item");
        }
        return item;
    }
}

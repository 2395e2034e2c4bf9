package no.tilfrisk.transition;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff's change to a checklist item: status, who answers for it, by when, and a note; for an item added to one
 * transition, its label too.
 */
public class ItemForm {

    private String label;
    private ItemStatus status;
    private ResponsibleKind responsibleKind;
    private UUID responsibleAccountId;
    private UUID responsiblePartnerOrg;
    private LocalDate dueOn;
    private String note;

    public ItemForm() {
    }

    public ItemForm(ItemStatus status, ResponsibleKind responsibleKind, UUID responsibleAccountId, LocalDate dueOn,
                    String note) {
        this.status = status;
        this.responsibleKind = responsibleKind;
        this.responsibleAccountId = responsibleAccountId;
        this.dueOn = dueOn;
        this.note = note;
    }

    public static ItemForm of(ChecklistItem i) {
        ItemForm f = new ItemForm(i.status(), i.responsibleKind(), i.responsibleAccountId(), i.dueOn(), i.note());
        f.setResponsiblePartnerOrg(i.responsiblePartnerOrg());
        return f;
    }

    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public ItemStatus getStatus() { return status; }
    public void setStatus(ItemStatus v) { status = v; }
    public ResponsibleKind getResponsibleKind() { return responsibleKind; }
    public void setResponsibleKind(ResponsibleKind v) { responsibleKind = v; }
    public UUID getResponsibleAccountId() { return responsibleAccountId; }
    public void setResponsibleAccountId(UUID v) { responsibleAccountId = v; }
    public UUID getResponsiblePartnerOrg() { return responsiblePartnerOrg; }
    public void setResponsiblePartnerOrg(UUID v) { responsiblePartnerOrg = v; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate v) { dueOn = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}

package no.tilfrisk.collaboration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A record of the register as a coordinator enters it. The kind is chosen when the record is created and stays.
 * A mutable bean so that a value that cannot be converted becomes a field error and the rest is kept.
 */
public class CollaborationForm {

    /** For API clients: the id to create the record under, so a retried request creates one. */
    private UUID id;

    /** Required to create; a change keeps the record's kind. */
    private CollaborationKind kind;

    /** Optional: the department the record belongs to; none means the whole organisation. */
    private UUID departmentId;

    @Size(max = 200, message = "{collaboration.title.size}")
    private String title;

    @Size(max = 300, message = "{collaboration.partner.size}")
    private String partner;

    @Size(max = 200, message = "{collaboration.role.size}")
    private String role;

    @NotNull(message = "{collaboration.startsOn.required}")
    private LocalDate startsOn;

    private LocalDate endsOn;

    @Min(value = 0, message = "{collaboration.participants.range}")
    @Max(value = 100000, message = "{collaboration.participants.range}")
    private Integer participants;

    @Size(max = 2000, message = "{collaboration.note.size}")
    private String note;

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public CollaborationKind getKind() { return kind; }
    public void setKind(CollaborationKind v) { kind = v; }
    public UUID getDepartmentId() { return departmentId; }
    public void setDepartmentId(UUID v) { departmentId = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getPartner() { return partner; }
    public void setPartner(String v) { partner = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate v) { startsOn = v; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate v) { endsOn = v; }
    public Integer getParticipants() { return participants; }
    public void setParticipants(Integer v) { participants = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }

    public static CollaborationForm of(CollaborationKind kind, LocalDate date) {
        CollaborationForm f = new CollaborationForm();
        f.kind = kind;
        f.startsOn = date;
        return f;
    }

    /** The form that edits this record. */
    public static CollaborationForm of(CollaborationRecord r) {
        CollaborationForm f = of(r.kind(), r.startsOn());
        f.departmentId = r.departmentId();
        f.title = r.title();
        f.partner = r.partner();
        f.role = r.role();
        f.endsOn = r.endsOn();
        f.participants = r.participants();
        f.note = r.note();
        return f;
    }
}

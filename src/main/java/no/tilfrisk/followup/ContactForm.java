package no.tilfrisk.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.web.Dates;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A contact as staff log it. Date and time are in Oslo time. A mutable bean so that a value that cannot be
 * converted becomes a field error and the rest is kept.
 */
public class ContactForm {

    /** For API clients: the id to create the contact under, so a retried request creates one. */
    private UUID id;

    /** The participant; on pages it comes from the address. Fixed once the contact is logged. */
    private UUID personId;

    @NotNull(message = "{contact.date.required}")
    private LocalDate date;

    /** Hours and minutes, as the browser's time field sends and shows them. */
    @NotNull(message = "{contact.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime time;

    @NotNull(message = "{contact.type.required}")
    private ContactType type;

    private EscortKind escortKind;

    @Min(value = 1, message = "{contact.duration.range}")
    @Max(value = 720, message = "{contact.duration.range}")
    private Integer durationMinutes;

    /** The staff members who took part; none means the signed-in user. */
    @Size(max = 20, message = "{contact.staff.size}")
    private List<UUID> staffIds = new ArrayList<>();

    /** Relatives present: only those linked to the participant and whom the participant consents to involve. */
    @Size(max = 20, message = "{contact.relatives.size}")
    private List<UUID> relativeIds = new ArrayList<>();

    @Size(max = 2000, message = "{contact.note.size}")
    private String note;

    private LocalDate followUpOn;

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public UUID getPersonId() { return personId; }
    public void setPersonId(UUID v) { personId = v; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate v) { date = v; }
    public LocalTime getTime() { return time; }
    public void setTime(LocalTime v) { time = v; }
    public ContactType getType() { return type; }
    public void setType(ContactType v) { type = v; }
    public EscortKind getEscortKind() { return escortKind; }
    public void setEscortKind(EscortKind v) { escortKind = v; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer v) { durationMinutes = v; }
    public List<UUID> getStaffIds() { return staffIds; }
    public void setStaffIds(List<UUID> v) { staffIds = v == null ? new ArrayList<>() : v; }
    public List<UUID> getRelativeIds() { return relativeIds; }
    public void setRelativeIds(List<UUID> v) { relativeIds = v == null ? new ArrayList<>() : v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public LocalDate getFollowUpOn() { return followUpOn; }
    public void setFollowUpOn(LocalDate v) { followUpOn = v; }

    /** A new form: now by {@code clock}, in Oslo, with the signed-in user as the staff member. */
    public static ContactForm now(UUID signedInUser, Clock clock) {
        ContactForm f = new ContactForm();
        var now = clock.instant().atZone(Dates.OSLO);
        f.date = now.toLocalDate();
        f.time = now.toLocalTime().withSecond(0).withNano(0);
        if (signedInUser != null) {
            f.staffIds.add(signedInUser);
        }
        return f;
    }

    /** The form that edits this contact. */
    public static ContactForm of(Contact c) {
        ContactForm f = new ContactForm();
        var at = c.occurredAt().atZone(Dates.OSLO);
        f.personId = c.personId();
        f.date = at.toLocalDate();
        f.time = at.toLocalTime().withSecond(0).withNano(0);
        f.type = c.type();
        f.escortKind = c.escortKind();
        f.durationMinutes = c.durationMinutes();
        f.staffIds = new ArrayList<>(c.staff().stream().map(Named::id).toList());
        f.relativeIds = new ArrayList<>(c.relatives().stream().map(Named::id).toList());
        f.note = c.note();
        f.followUpOn = c.followUpOn();
        return f;
    }
}

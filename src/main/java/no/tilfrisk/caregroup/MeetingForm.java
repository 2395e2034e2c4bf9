package no.tilfrisk.caregroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** A meeting of the group: the date, the members who came, and the minutes the person may read. */
public class MeetingForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;
    private List<UUID> attendees = new ArrayList<>();
    private String minutes;

    public MeetingForm() {
    }

    public MeetingForm(LocalDate heldOn, List<UUID> attendees, String minutes) {
        this.heldOn = heldOn;
        this.attendees = attendees == null ? new ArrayList<>() : new ArrayList<>(attendees);
        this.minutes = minutes;
    }

    public LocalDate getHeldOn() { return heldOn; }
    public void setHeldOn(LocalDate v) { heldOn = v; }
    public List<UUID> getAttendees() { return attendees; }
    public void setAttendees(List<UUID> v) { attendees = v == null ? new ArrayList<>() : v; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String v) { minutes = v; }
}

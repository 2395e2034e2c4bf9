package no.tilfrisk.volunteer;

import static no.tilfrisk.platform.Text.blankToNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.tilfrisk.platform.web.InvalidInputException;

/** The meeting form's rules, the same whether the volunteer logs it or staff record it. */
final class MeetingRules {

    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

    private MeetingRules() {
    }

    /**
     * Hours above 0 and at most 24, with at most two decimals; a date neither after today nor before the match
     * started; a kind; only while the match is active. Returns the note as stored, or every broken rule at once.
     */
    static String check(MeetingForm form, MatchState state, LocalDate startedOn, LocalDate today) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (state != MatchState.ACTIVE) {
            broken.add(new InvalidInputException("metOn", "volunteer.meeting.notActive"));
        }
        if (form.getMetOn() == null) {
            broken.add(new InvalidInputException("metOn", "volunteer.meeting.date.required"));
        } else if (form.getMetOn().isAfter(today)) {
            broken.add(new InvalidInputException("metOn", "volunteer.meeting.date.future"));
        } else if (startedOn != null && form.getMetOn().isBefore(startedOn)) {
            broken.add(new InvalidInputException("metOn", "volunteer.meeting.date.beforeStart", startedOn));
        }
        BigDecimal hours = form.getHours();
        if (hours == null) {
            broken.add(new InvalidInputException("hours", "volunteer.meeting.hours.required"));
        } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            broken.add(new InvalidInputException("hours", "volunteer.meeting.hours.range"));
        } else if (hours.stripTrailingZeros().scale() > 2) {
            broken.add(new InvalidInputException("hours", "volunteer.meeting.hours.scale"));
        }
        if (form.getWhat() == null) {
            broken.add(new InvalidInputException("what", "volunteer.meeting.what.required"));
        }
        String note = blankToNull(form.getNote());
        if (note != null && note.length() > 1000) {
            broken.add(new InvalidInputException("note", "volunteer.text.long", 1000));
        }
        InvalidInputException.throwIfAny(broken);
        return note;
    }
}

package no.tilfrisk.transition;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.Municipalities;
import no.tilfrisk.platform.web.InvalidInputException;

/**
 * The rules of a transition form, field by field, checked before anything is written: a new transition's expected
 * date is not in the past (unless it is recorded after it happened, with its actual date); no date before the stay began; an actual date not in the future; the institution and the
 * coordinator are the organisation's own (an id of another organisation is simply not among them).
 */
final class TransitionRules {

    static final int OWN_WORDS_MAX = 2000;
    static final int NOTE_MAX = 1000;
    static final int REASON_MAX = 500;
    static final int LABEL_MAX = 200;

    private TransitionRules() {
    }

    /** The form's errors; an empty list when it may be saved. {@code isNew}: the expected date is checked too. */
    static List<InvalidInputException> check(TransitionForm f, boolean isNew, LocalDate today, Set<UUID> institutions,
                                             Set<UUID> staff, Municipalities municipalities) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (f.getKind() == null) {
            broken.add(new InvalidInputException("kind", "transition.kind.required"));
        }
        if (f.getInstitutionId() != null && !institutions.contains(f.getInstitutionId())) {
            broken.add(new InvalidInputException("institutionId", "transition.institution.unknown"));
        }
        if (f.getCoordinatorId() != null && !staff.contains(f.getCoordinatorId())) {
            broken.add(new InvalidInputException("coordinatorId", "transition.coordinator.unknown"));
        }
        LocalDate stay = f.getStayStartedOn();
        if (stay != null && stay.isAfter(today)) {
            broken.add(new InvalidInputException("stayStartedOn", "transition.stayStartedOn.future"));
        }
        if (isNew) {
            if (f.getExpectedOn() == null) {
                broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.required"));
            } else if (f.getExpectedOn().isBefore(today) && f.getActualOn() == null) {
                // a transition recorded after it happened (its actual date given) may have been expected earlier
                broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.past"));
            } else if (stay != null && f.getExpectedOn().isBefore(stay)) {
                broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.beforeStay"));
            }
        }
        LocalDate actual = f.getActualOn();
        if (actual != null) {
            if (actual.isAfter(today)) {
                broken.add(new InvalidInputException("actualOn", "transition.actualOn.future"));
            } else if (stay != null && actual.isBefore(stay)) {
                broken.add(new InvalidInputException("actualOn", "transition.actualOn.beforeStay"));
            }
        }
        String municipality = blankToNull(f.getMunicipality());
        if (municipality != null && municipalities.official(municipality).isEmpty()) {
            broken.add(new InvalidInputException("municipality", "transition.municipality.unknown"));
        }
        String words = blankToNull(f.getOwnWords());
        if (words != null && words.length() > OWN_WORDS_MAX) {
            broken.add(new InvalidInputException("ownWords", "transition.ownWords.tooLong", OWN_WORDS_MAX));
        }
        return broken;
    }

    /** A move of the expected date: a date not in the past nor before the stay, and a reason. */
    static List<InvalidInputException> checkMove(Transition t, LocalDate to, String reason, LocalDate today) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (to == null) {
            broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.required"));
        } else if (to.isBefore(today)) {
            broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.past"));
        } else if (t.stayStartedOn() != null && to.isBefore(t.stayStartedOn())) {
            broken.add(new InvalidInputException("expectedOn", "transition.expectedOn.beforeStay"));
        }
        String r = blankToNull(reason);
        if (r == null) {
            broken.add(new InvalidInputException("reason", "transition.move.reason.required"));
        } else if (r.length() > REASON_MAX) {
            broken.add(new InvalidInputException("reason", "transition.move.reason.tooLong", REASON_MAX));
        }
        return broken;
    }

    static void checkNote(String note) {
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidInputException("note", "transition.item.note.tooLong", NOTE_MAX);
        }
    }
}

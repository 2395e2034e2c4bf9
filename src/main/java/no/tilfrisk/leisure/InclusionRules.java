package no.tilfrisk.leisure;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilfrisk.platform.web.InvalidInputException;

/**
 * The method's rules, pure (no database, no clock of its own):
 * <ul>
 *   <li><b>order</b>: a step may be taken only when every step before it has been taken or passed over with a
 *       reason; a step already taken may be taken again (a second information meeting, a new mapping);</li>
 *   <li><b>passing over</b> needs a reason, and the follow-up cannot be passed over;</li>
 *   <li><b>the six-month rule</b>: a process ends as «still active» only after six months of follow-up, counted
 *       from the follow-up's first day;</li>
 *   <li>«stopped» needs a reason; no step and no end lies in the future or before the process began.</li>
 * </ul>
 */
public final class InclusionRules {

    /** Months of follow-up before a process may end as «still active». */
    public static final int FOLLOW_UP_MONTHS = 6;

    private InclusionRules() {
    }

    /** The steps taken or passed over so far. */
    public static Set<Step> reached(List<StepTaken> taken) {
        Set<Step> reached = EnumSet.noneOf(Step.class);
        taken.forEach(t -> reached.add(t.step()));
        return reached;
    }

    /** The first step before {@code step} neither taken nor passed over, if any. */
    public static Optional<Step> missingBefore(Step step, Set<Step> reached) {
        for (Step s : Step.values()) {
            if (s == step) {
                return Optional.empty();
            }
            if (!reached.contains(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The furthest step reached, or null before the first. */
    public static Step furthest(Set<Step> reached) {
        Step furthest = null;
        for (Step s : reached) {
            if (furthest == null || s.ordinal() > furthest.ordinal()) {
                furthest = s;
            }
        }
        return furthest;
    }

    /** The next step to take: the first not reached, or null when all six are. */
    public static Step next(Set<Step> reached) {
        for (Step s : Step.values()) {
            if (!reached.contains(s)) {
                return s;
            }
        }
        return null;
    }

    /** Every broken rule of recording this step on a process that began on {@code startedOn}. */
    public static List<InvalidInputException> checkStep(StepForm form, Set<Step> reached, LocalDate startedOn,
                                                        LocalDate today) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getStep() == null) {
            broken.add(new InvalidInputException("step", "leisure.step.required"));
            return broken;
        }
        missingBefore(form.getStep(), reached).ifPresent(missing -> broken.add(new InvalidInputException("step",
                "leisure.step.order", missing.number())));
        if (form.getDoneOn() == null) {
            broken.add(new InvalidInputException("doneOn", "leisure.step.doneOn.required"));
        } else if (form.getDoneOn().isAfter(today)) {
            broken.add(new InvalidInputException("doneOn", "leisure.date.future"));
        } else if (form.getDoneOn().isBefore(startedOn)) {
            broken.add(new InvalidInputException("doneOn", "leisure.step.doneOn.beforeStart"));
        }
        if (form.isSkipped()) {
            if (!form.getStep().skippable()) {
                broken.add(new InvalidInputException("skipped", "leisure.step.skip.followUp"));
            } else if (blankToNull(form.getNote()) == null) {
                broken.add(new InvalidInputException("note", "leisure.step.skip.reason"));
            }
        } else if (form.getStep() == Step.CHOICE && form.getClubId() == null) {
            broken.add(new InvalidInputException("clubId", "leisure.step.club.required"));
        } else if (form.getStep() == Step.FACILITATOR && form.getFacilitatorId() == null) {
            broken.add(new InvalidInputException("facilitatorId", "leisure.step.facilitator.required"));
        }
        return broken;
    }

    /** Whether six months of follow-up have passed on {@code on}. */
    public static boolean sixMonthsPassed(LocalDate followUpFrom, LocalDate on) {
        return followUpFrom != null && !on.isBefore(followUpFrom.plusMonths(FOLLOW_UP_MONTHS));
    }

    /** Every broken rule of ending a process so. */
    public static List<InvalidInputException> checkEnd(EndForm form, Process process, LocalDate today) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (!process.open()) {
            broken.add(new InvalidInputException("outcome", "leisure.end.ended"));
            return broken;
        }
        if (form.getOutcome() == null) {
            broken.add(new InvalidInputException("outcome", "leisure.end.outcome.required"));
        }
        if (form.getEndedOn() == null) {
            broken.add(new InvalidInputException("endedOn", "leisure.end.endedOn.required"));
        } else if (form.getEndedOn().isAfter(today)) {
            broken.add(new InvalidInputException("endedOn", "leisure.date.future"));
        } else if (form.getEndedOn().isBefore(process.startedOn())) {
            broken.add(new InvalidInputException("endedOn", "leisure.step.doneOn.beforeStart"));
        } else if (form.getOutcome() == Outcome.STILL_ACTIVE && !sixMonthsPassed(process.followUpFrom(), form.getEndedOn())) {
            broken.add(new InvalidInputException("outcome", "leisure.end.sixMonths", FOLLOW_UP_MONTHS));
        }
        if (form.getOutcome() == Outcome.STOPPED && blankToNull(form.getNote()) == null) {
            broken.add(new InvalidInputException("note", "leisure.end.reason"));
        }
        return broken;
    }

    /** A check-in with its day, answered or not. */
    public record CheckInSlot(CheckInDue due, LocalDate on, CheckInAnswer answer) {
        public boolean answered() {
            return answer != null;
        }
    }

    /** The check-ins of a follow-up that began on this day, each with its answer if given; none before step 6. */
    public static List<CheckInSlot> checkIns(LocalDate followUpFrom, List<CheckInAnswer> answers) {
        if (followUpFrom == null) {
            return List.of();
        }
        List<CheckInSlot> slots = new ArrayList<>();
        for (CheckInDue due : CheckInDue.values()) {
            slots.add(new CheckInSlot(due, due.dueFrom(followUpFrom),
                    answers.stream().filter(a -> a.due() == due).findFirst().orElse(null)));
        }
        return slots;
    }

    /** The check-in answers' broken rules: a rating 0–10, both questions answered. */
    public static List<InvalidInputException> checkAnswer(CheckInForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getRating() == null) {
            broken.add(new InvalidInputException("rating", "leisure.checkIn.rating.required"));
        } else if (form.getRating() < 0 || form.getRating() > 10) {
            broken.add(new InvalidInputException("rating", "leisure.checkIn.rating.range"));
        }
        if (form.getStillTakingPart() == null) {
            broken.add(new InvalidInputException("stillTakingPart", "leisure.checkIn.answer.required"));
        }
        if (form.getValuedRole() == null) {
            broken.add(new InvalidInputException("valuedRole", "leisure.checkIn.answer.required"));
        }
        return broken;
    }
}

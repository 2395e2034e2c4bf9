package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.List;

/**
 * A process as staff see it: the participant, the chosen club, the facilitator, the steps taken, the next step,
 * the mapping's interests and dreams (plan module) beside the wishes added here, the decisions (with the warning
 * when one ends within 30 days), the check-ins and the participant's loans.
 */
public record ProcessView(Process process, String participantName, Club club, String facilitatorName,
                          String facilitatorPhone, List<StepTaken> steps, Step furthest, Step next,
                          List<String> mappingInterests, String mappingDreams, List<Decision> decisions,
                          List<InclusionRules.CheckInSlot> checkIns, boolean mayEndStillActive, LocalDate today) {

    public boolean decisionEndsSoon() {
        return decisions.stream().anyMatch(d -> d.endsSoon(today));
    }
}

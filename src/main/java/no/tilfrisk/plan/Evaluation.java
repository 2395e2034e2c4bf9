package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.UUID;

public record Evaluation(UUID id, UUID goalId, LocalDate evaluatedOn, String whatHappened, String nextStep,
                         String createdBy) {
}

package no.tilfrisk.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project with outside funding, as in a grant application and its final report (seed 003): who funds it, what
 * was granted per year, its period, target group, planned reach and goals, and the final report's narrative
 * sections as Markdown (rendered and sanitised where they are shown). The linked activities and participants are
 * read apart ({@link Projects#activityIds}, {@link Projects#participantIds}).
 */
public record Project(UUID id, String name, String funder, String programme, String projectLead,
                      LocalDate startsOn, LocalDate endsOn, String targetGroup, Integer plannedReach,
                      Integer goalTargetPercent, List<String> goals, List<Grant> grants, String backgroundMd, String methodMd,
                      String resultsMd, String summaryMd) {

    public Project {
        goals = List.copyOf(goals);
        grants = List.copyOf(grants);
    }

    /** The amount granted for one year, in whole øre. */
    public record Grant(int year, long amountOre) {
    }

    /** Everything granted, in øre. */
    public long totalOre() {
        return grants.stream().mapToLong(Grant::amountOre).sum();
    }
}

package no.tilfrisk.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A project as an admin or coordinator enters it. A mutable bean, so that a value that cannot be converted becomes
 * a field error and the rest is kept. Goals are one per line; grants are rows of a year and an amount in kroner
 * (blank rows are left out).
 */
public class ProjectForm {

    /** For API clients: the id to create the project under, so a retried request creates one. */
    private UUID id;

    @NotBlank(message = "{project.name.required}")
    @Size(max = 200, message = "{project.name.size}")
    private String name;

    @NotBlank(message = "{project.funder.required}")
    @Size(max = 200, message = "{project.funder.size}")
    private String funder;

    @Size(max = 200, message = "{project.programme.size}")
    private String programme;

    @Size(max = 200, message = "{project.projectLead.size}")
    private String projectLead;

    @NotNull(message = "{project.startsOn.required}")
    private LocalDate startsOn;

    @NotNull(message = "{project.endsOn.required}")
    private LocalDate endsOn;

    @Size(max = 2000, message = "{project.targetGroup.size}")
    private String targetGroup;

    @Min(value = 0, message = "{project.plannedReach.range}")
    @Max(value = 1000000, message = "{project.plannedReach.range}")
    private Integer plannedReach;

    /** The share of the participants the project means to bring to their main goals, in per cent. */
    @Min(value = 1, message = "{project.goalTargetPercent.range}")
    @Max(value = 100, message = "{project.goalTargetPercent.range}")
    private Integer goalTargetPercent;

    /** One goal per line. */
    @Size(max = 10000, message = "{project.goals.size}")
    private String goals;

    private List<GrantLine> grants = new ArrayList<>();

    @Size(max = 20000, message = "{project.markdown.size}")
    private String backgroundMd;
    @Size(max = 20000, message = "{project.markdown.size}")
    private String methodMd;
    @Size(max = 20000, message = "{project.markdown.size}")
    private String resultsMd;
    @Size(max = 20000, message = "{project.markdown.size}")
    private String summaryMd;

    /** One year's grant as entered: the year and the amount in kroner (øre as decimals). */
    public static class GrantLine {
        private Integer year;
        private BigDecimal amount;

        public GrantLine() {
        }

        public GrantLine(Integer year, BigDecimal amount) {
            this.year = year;
            this.amount = amount;
        }

        public Integer getYear() { return year; }
        public void setYear(Integer v) { year = v; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal v) { amount = v; }

        boolean blank() {
            return year == null && amount == null;
        }
    }

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getFunder() { return funder; }
    public void setFunder(String v) { funder = v; }
    public String getProgramme() { return programme; }
    public void setProgramme(String v) { programme = v; }
    public String getProjectLead() { return projectLead; }
    public void setProjectLead(String v) { projectLead = v; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate v) { startsOn = v; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate v) { endsOn = v; }
    public String getTargetGroup() { return targetGroup; }
    public void setTargetGroup(String v) { targetGroup = v; }
    public Integer getPlannedReach() { return plannedReach; }
    public void setPlannedReach(Integer v) { plannedReach = v; }
    public Integer getGoalTargetPercent() { return goalTargetPercent; }
    public void setGoalTargetPercent(Integer v) { goalTargetPercent = v; }
    public String getGoals() { return goals; }
    public void setGoals(String v) { goals = v; }
    public List<GrantLine> getGrants() { return grants; }
    public void setGrants(List<GrantLine> v) { grants = v == null ? new ArrayList<>() : v; }
    public String getBackgroundMd() { return backgroundMd; }
    public void setBackgroundMd(String v) { backgroundMd = v; }
    public String getMethodMd() { return methodMd; }
    public void setMethodMd(String v) { methodMd = v; }
    public String getResultsMd() { return resultsMd; }
    public void setResultsMd(String v) { resultsMd = v; }
    public String getSummaryMd() { return summaryMd; }
    public void setSummaryMd(String v) { summaryMd = v; }

    /** The form that edits this project, with empty grant rows to add more. */
    public static ProjectForm of(Project p) {
        ProjectForm f = new ProjectForm();
        f.name = p.name();
        f.funder = p.funder();
        f.programme = p.programme();
        f.projectLead = p.projectLead();
        f.startsOn = p.startsOn();
        f.endsOn = p.endsOn();
        f.targetGroup = p.targetGroup();
        f.plannedReach = p.plannedReach();
        f.goalTargetPercent = p.goalTargetPercent();
        f.goals = String.join("\n", p.goals());
        p.grants().forEach(g -> f.grants.add(new GrantLine(g.year(), BigDecimal.valueOf(g.amountOre(), 2))));
        f.backgroundMd = p.backgroundMd();
        f.methodMd = p.methodMd();
        f.resultsMd = p.resultsMd();
        f.summaryMd = p.summaryMd();
        return f;
    }

    /** Pads the grant rows so that the page offers at least {@code blanks} empty rows. */
    public ProjectForm withBlankGrantRows(int blanks) {
        long empty = grants.stream().filter(GrantLine::blank).count();
        for (long i = empty; i < blanks; i++) {
            grants.add(new GrantLine());
        }
        return this;
    }
}

package no.tilfrisk.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A group or event as staff describe it. A mutable bean so that a value that cannot be converted becomes a field
 * error and the rest is kept. Partners come as a list (the API) or comma-separated (the page's one text field).
 */
public class ActivityForm {

    @NotBlank(message = "{activity.name.required}")
    @Size(max = 200, message = "{activity.name.size}")
    private String name;

    @NotNull(message = "{activity.format.required}")
    private ActivityFormat format = ActivityFormat.GROUP;

    @NotNull(message = "{activity.kind.required}")
    private UUID kindId;

    @NotNull(message = "{activity.department.required}")
    private UUID departmentId;

    @NotNull(message = "{activity.startDate.required}")
    private LocalDate startDate;

    private LocalDate endDate;

    @Size(max = 4000, message = "{activity.description.size}")
    private String description;

    @Size(max = 20, message = "{activity.partners.size}")
    private List<@Size(max = 200, message = "{activity.partners.size}") String> partners = new ArrayList<>();

    private boolean lowThreshold;

    @Size(max = 20, message = "{activity.leaders.size}")
    private List<UUID> leaderIds = new ArrayList<>();

    public static ActivityForm of(Activity a) {
        ActivityForm form = new ActivityForm();
        form.name = a.name();
        form.format = a.format();
        form.kindId = a.kind().id();
        form.departmentId = a.departmentId();
        form.startDate = a.startDate();
        form.endDate = a.endDate();
        form.description = a.description();
        form.partners = new ArrayList<>(a.partners());
        form.lowThreshold = a.lowThreshold();
        form.leaderIds = new ArrayList<>(a.leaderIds());
        return form;
    }

    /** Partners trimmed, blanks and repeats left out, in the order given. */
    public List<String> cleanPartners() {
        return partners == null ? List.of() : partners.stream().filter(p -> p != null && !p.isBlank())
                .map(String::strip).distinct().toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ActivityFormat getFormat() {
        return format;
    }

    public void setFormat(ActivityFormat format) {
        this.format = format;
    }

    public UUID getKindId() {
        return kindId;
    }

    public void setKindId(UUID kindId) {
        this.kindId = kindId;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getPartners() {
        return partners;
    }

    public void setPartners(List<String> partners) {
        this.partners = partners;
    }

    public boolean isLowThreshold() {
        return lowThreshold;
    }

    public void setLowThreshold(boolean lowThreshold) {
        this.lowThreshold = lowThreshold;
    }

    public List<UUID> getLeaderIds() {
        return leaderIds;
    }

    public void setLeaderIds(List<UUID> leaderIds) {
        this.leaderIds = leaderIds;
    }
}

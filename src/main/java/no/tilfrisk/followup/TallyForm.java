package no.tilfrisk.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** A tally as staff enter it: how many contacts of one type a department had in a period. A mutable bean. */
public class TallyForm {

    /** For API clients: the id to create the tally under, so a retried request creates one. */
    private UUID id;

    @NotNull(message = "{tally.department.required}")
    private UUID departmentId;

    @NotNull(message = "{contact.type.required}")
    private ContactType type;

    @NotNull(message = "{tally.from.required}")
    private LocalDate from;

    @NotNull(message = "{tally.to.required}")
    private LocalDate to;

    @NotNull(message = "{tally.count.required}")
    @Min(value = 1, message = "{tally.count.range}")
    @Max(value = 100000, message = "{tally.count.range}")
    private Integer count;

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public UUID getDepartmentId() { return departmentId; }
    public void setDepartmentId(UUID v) { departmentId = v; }
    public ContactType getType() { return type; }
    public void setType(ContactType v) { type = v; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate v) { from = v; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate v) { to = v; }
    public Integer getCount() { return count; }
    public void setCount(Integer v) { count = v; }
}

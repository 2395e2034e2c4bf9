package no.tilfrisk.activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.NumberFormat;

/** A distribution as staff record it. Value in kroner with at most two decimals; stored in whole øre. */
public class DistributionForm {

    @NotNull(message = "{distribution.date.required}")
    private LocalDate date;

    @NotNull(message = "{distribution.department.required}")
    private UUID departmentId;

    @NotNull(message = "{distribution.kind.required}")
    private DistributionKind kind;

    @NotNull(message = "{distribution.count.required}")
    @Min(value = 1, message = "{distribution.count.range}")
    @Max(value = 100000, message = "{distribution.count.range}")
    private Integer count = 1;

    @DecimalMin(value = "0", message = "{distribution.value.range}")
    @DecimalMax(value = "1000000000", message = "{distribution.value.range}")
    @Digits(integer = 10, fraction = 2, message = "{distribution.value.digits}")
    @NumberFormat(style = NumberFormat.Style.NUMBER) // «249,50» in bokmål, «249.50» in English
    private BigDecimal valueNok;

    private UUID recipientId;

    private UUID activityId;

    @Size(max = 500, message = "{distribution.note.size}")
    private String note;

    public Long valueOre() {
        return valueNok == null ? null : valueNok.movePointRight(2).longValueExact();
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    public DistributionKind getKind() {
        return kind;
    }

    public void setKind(DistributionKind kind) {
        this.kind = kind;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public BigDecimal getValueNok() {
        return valueNok;
    }

    public void setValueNok(BigDecimal valueNok) {
        this.valueNok = valueNok;
    }

    public UUID getRecipientId() {
        return recipientId;
    }

    public void setRecipientId(UUID recipientId) {
        this.recipientId = recipientId;
    }

    public UUID getActivityId() {
        return activityId;
    }

    public void setActivityId(UUID activityId) {
        this.activityId = activityId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}

package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.util.UUID;

/** An item to add to the inventory; the value in kroner. */
public class ItemForm {

    private UUID departmentId;
    private String name;
    private EquipmentKind kind;
    private BigDecimal value;
    private Condition condition = Condition.GOOD;
    private String storedAt;

    public UUID getDepartmentId() { return departmentId; }
    public void setDepartmentId(UUID v) { departmentId = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public EquipmentKind getKind() { return kind; }
    public void setKind(EquipmentKind v) { kind = v; }
    public BigDecimal getValue() { return value; }
    public void setValue(BigDecimal v) { value = v; }
    public Condition getCondition() { return condition; }
    public void setCondition(Condition v) { condition = v; }
    public String getStoredAt() { return storedAt; }
    public void setStoredAt(String v) { storedAt = v; }
}

package no.tilfrisk.leisure;

import java.util.UUID;

/** An item of the equipment inventory; value in øre; {@code lentTo} the loan's id while lent out. */
public record Item(UUID id, UUID departmentId, String name, EquipmentKind kind, Long valueOre, Condition condition,
                   String storedAt, UUID openLoanId) {
}

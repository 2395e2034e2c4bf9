package no.tilfrisk.caregroup;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Removes what identifies an erased person from the responsibility groups (called inside the erasing transaction). */
@Component
public class ResponsibilityGroupErasure {

    private final CareGroupRecords records;

    ResponsibilityGroupErasure(CareGroupRecords records) {
        this.records = records;
    }

    public void erase(UUID personId) {
        records.erase(personId);
    }
}

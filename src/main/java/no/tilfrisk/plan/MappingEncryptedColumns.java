package no.tilfrisk.plan;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto). */
@Component
class MappingEncryptedColumns implements EncryptedColumn.Owner {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                EncryptedColumn.of("plan_mapping", "id", "dreams_encrypted", id -> Mappings.textContext(id, "dreams")),
                EncryptedColumn.of("plan_mapping", "id", "strengths_encrypted", id -> Mappings.textContext(id, "strengths")),
                EncryptedColumn.of("plan_mapping", "id", "challenges_encrypted", id -> Mappings.textContext(id, "challenges")),
                new EncryptedColumn("plan_mapping_area", "mapping_id", "life_area", "own_words_encrypted",
                        (id, area) -> Mappings.wordsContext(id, LifeArea.valueOf(area))));
    }
}

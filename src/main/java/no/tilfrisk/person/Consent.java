package no.tilfrisk.person;

import java.time.Instant;
import java.util.UUID;

/** A purpose-bound yes (naming the relative, partner or volunteer it concerns, where the purpose has one), with when and how it was given and, if so, withdrawn. */
public record Consent(UUID id, ConsentPurpose purpose, UUID relativeId, String partner, UUID volunteerId,
                      String volunteerName, Instant givenAt, UUID givenBy,
                      ConsentMethod method, Instant withdrawnAt, UUID withdrawnBy, ConsentMethod withdrawalMethod) {

    public boolean active() {
        return withdrawnAt == null;
    }
}

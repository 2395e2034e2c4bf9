package no.tilfrisk.caregroup.internal;

import no.tilfrisk.caregroup.ResponsibilityGroupErasure;
import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a person is erased, in the same transaction, their group's minutes and decisions go, and they leave groups. */
@Component
class CareGroupErasure {

    private final ResponsibilityGroupErasure erasure;

    CareGroupErasure(ResponsibilityGroupErasure erasure) {
        this.erasure = erasure;
    }

    @EventListener
    void on(PersonErased erased) {
        erasure.erase(erased.personId());
    }
}

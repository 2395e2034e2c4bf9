package no.tilfrisk.outcome.internal;

import java.util.UUID;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.stereotype.Component;

/** The person's measurements, each with its answers and score, in their export. */
@Component
class OutcomeSection implements PersonDataSection {

    private final Outcomes outcomes;

    OutcomeSection(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "outcomes";
    }

    @Override
    public Object of(UUID personId) {
        return outcomes.ofPerson(personId);
    }

    @Override
    public String printFragment() {
        return "outcome/export :: outcomes";
    }
}

package no.tilfrisk.plan;

import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A participant's proposal made for a test outside the module, as «Min side» makes it ({@code Plans.propose} is the
 * module's own). Call it as the person's organisation ({@code People.asSystem}).
 */
public final class TestProposals {

    private TestProposals() {
    }

    public static UUID propose(Plans plans, TransactionTemplate tx, UUID personId, LifeArea area, String text) {
        ProposalForm form = new ProposalForm();
        form.setLifeArea(area);
        form.setText(text);
        return tx.execute(s -> plans.propose(UUID.randomUUID(), personId, form));
    }
}

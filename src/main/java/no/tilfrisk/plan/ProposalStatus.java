package no.tilfrisk.plan;

/** A participant's proposal waits for a guide, who accepts it (the plan changes) or rejects it with a comment. */
public enum ProposalStatus {
    OPEN,
    ACCEPTED,
    REJECTED
}

package no.tilfrisk.plan;

import java.util.UUID;

/** The participant proposes a new goal (no goal named) or new words for one of their goals. */
public class ProposalForm {

    private UUID goalId;
    private LifeArea lifeArea;
    private String text;

    public UUID getGoalId() { return goalId; }
    public void setGoalId(UUID v) { goalId = v; }
    public LifeArea getLifeArea() { return lifeArea; }
    public void setLifeArea(LifeArea v) { lifeArea = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
}

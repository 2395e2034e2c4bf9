package no.tilfrisk.plan;

/** The participant's own rating (1–10, or none) and words about one life area in one mapping. */
public record AreaRating(LifeArea area, Integer rating, String ownWords) {
}

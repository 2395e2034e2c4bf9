package no.tilfrisk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One mapping conversation: the life areas talked about, interests, dreams, strengths and challenges. */
public record Mapping(UUID id, UUID personId, LocalDate mappedOn, List<AreaRating> areas, List<String> interests,
                      String dreams, String strengths, String challenges, Instant createdAt, String createdBy) {

    /** The rating of this area, or null where it was not rated. */
    public Integer ratingOf(LifeArea area) {
        return areas.stream().filter(a -> a.area() == area).findFirst().map(AreaRating::rating).orElse(null);
    }

    /** The participant's words about this area, or null. */
    public String wordsOf(LifeArea area) {
        return areas.stream().filter(a -> a.area() == area).findFirst().map(AreaRating::ownWords).orElse(null);
    }
}

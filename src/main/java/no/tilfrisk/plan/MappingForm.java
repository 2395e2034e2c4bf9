package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mapping as staff write it down with the participant: one entry per life area, in {@link LifeArea} order; an
 * area left empty was not talked about. A mutable bean so a value that cannot be converted becomes a field error.
 */
public class MappingForm {

    /** One life area: the participant's rating 1–10 and own words, both optional. */
    public static class AreaEntry {
        private Integer rating;
        private String words;

        public Integer getRating() { return rating; }
        public void setRating(Integer v) { rating = v; }
        public String getWords() { return words; }
        public void setWords(String v) { words = v; }
    }

    private LocalDate mappedOn;
    private List<AreaEntry> areas = blankAreas();
    /** Interests chosen from the organisation's list. */
    private List<UUID> interestIds = new ArrayList<>();
    /** New interests, separated by commas; added to the organisation's list. */
    private String newInterests;
    private String dreams;
    private String strengths;
    private String challenges;

    public static List<AreaEntry> blankAreas() {
        List<AreaEntry> areas = new ArrayList<>();
        for (int i = 0; i < LifeArea.values().length; i++) {
            areas.add(new AreaEntry());
        }
        return areas;
    }

    public LocalDate getMappedOn() { return mappedOn; }
    public void setMappedOn(LocalDate v) { mappedOn = v; }
    public List<AreaEntry> getAreas() { return areas; }
    public void setAreas(List<AreaEntry> v) { areas = v == null ? blankAreas() : v; }
    public List<UUID> getInterestIds() { return interestIds; }
    public void setInterestIds(List<UUID> v) { interestIds = v == null ? new ArrayList<>() : v; }
    public String getNewInterests() { return newInterests; }
    public void setNewInterests(String v) { newInterests = v; }
    public String getDreams() { return dreams; }
    public void setDreams(String v) { dreams = v; }
    public String getStrengths() { return strengths; }
    public void setStrengths(String v) { strengths = v; }
    public String getChallenges() { return challenges; }
    public void setChallenges(String v) { challenges = v; }

    /** Sets one area's rating and words (for set-up and tests). */
    public MappingForm area(LifeArea area, Integer rating, String words) {
        while (areas.size() < LifeArea.values().length) {
            areas.add(new AreaEntry());
        }
        areas.get(area.ordinal()).setRating(rating);
        areas.get(area.ordinal()).setWords(words);
        return this;
    }
}

package no.tilfrisk.directory;

import java.util.List;
import java.util.Set;

/**
 * A search of the directory: free text, the tags (an offer matches if it has any of the chosen needs and any of
 * the chosen groups), low threshold, free of charge, area, language (ISO 639-1) and a time filter.
 */
public record OfferSearch(String q, Set<Need> needs, Set<TargetGroup> groups, boolean lowThreshold, boolean free,
                          String area, String language, OpenWhen open, int page, int size) {

    public static final int MAX_QUERY = 200;
    /** The most a page or the API may ask for; {@link #MAX_CANDIDATES} the most any search returns. */
    public static final int MAX_SIZE = 100;
    public static final int MAX_CANDIDATES = 1000;

    public OfferSearch {
        needs = needs == null ? Set.of() : Set.copyOf(needs);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_CANDIDATES);
    }

    public static OfferSearch all() {
        return new OfferSearch(null, Set.of(), Set.of(), false, false, null, null, null, 0, 20);
    }

    public List<String> needCodes() {
        return needs.stream().map(Need::code).sorted().toList();
    }

    public List<String> groupCodes() {
        return groups.stream().map(TargetGroup::code).sorted().toList();
    }
}

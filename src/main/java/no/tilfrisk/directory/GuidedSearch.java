package no.tilfrisk.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.tilfrisk.platform.Text;
import org.springframework.stereotype.Service;

/**
 * «Veiviser»: a few plain questions for someone leaving treatment or prison (what do you need now, where will you
 * live, do you want others with experience of addiction around you, when are you free), and the offers that fit,
 * each with the reasons it fits. An offer must give one of the needs chosen; the rest ranks: in the area, open
 * when the person is free, peers, low threshold, free of charge. Whoever does not want to be among people in
 * active use gets no offer aimed at active use.
 */
@Service
public class GuidedSearch {

    static final int CANDIDATES = OfferSearch.MAX_CANDIDATES;
    static final int SHOWN = 20;

    private final Offers offers;

    GuidedSearch(Offers offers) {
        this.offers = offers;
    }

    /** One reason an offer fits: a message key and its argument (itself a message key when {@code argIsKey}). */
    public record Reason(String key, String arg, boolean argIsKey) {
    }

    public record Fit(OfferSummary offer, List<Reason> reasons) {
    }

    public List<Fit> fits(Answers answers) {
        OfferQuery query = new OfferQuery();
        query.setNeed(answers.getNeed());
        OfferSearch parsed = query.toSearch();
        OfferSearch base = new OfferSearch(null, parsed.needs(), Set.of(), false, false, null, null, null, 0, CANDIDATES);
        List<OfferSummary> candidates = offers.search(base).items();
        OpenWhen when = OpenWhen.parse(answers.getWhen()).orElse(null);
        Set<java.util.UUID> openThen = when == null ? Set.of()
                : offers.search(new OfferSearch(null, base.needs(), Set.of(), false, false, null, null, when, 0, CANDIDATES))
                .items().stream().map(OfferSummary::id).collect(Collectors.toSet());
        String area = Text.blankToNull(answers.getArea());
        List<Fit> fits = new ArrayList<>();
        for (OfferSummary offer : candidates) {
            if ("no".equals(answers.getPeers()) && offer.targetGroups().contains(TargetGroup.ACTIVE_USE)) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            for (Need need : offer.needs()) {
                if (base.needs().contains(need)) {
                    reasons.add(new Reason("directory.reason.need", "need." + need.code(), true));
                }
            }
            if (area != null && area.equalsIgnoreCase(offer.area())) {
                reasons.add(new Reason("directory.reason.area", offer.area(), false));
            }
            if (when != null && openThen.contains(offer.id())) {
                reasons.add(new Reason("directory.reason.open", "directory.open." + when.param(), true));
            }
            if ("yes".equals(answers.getPeers()) && (offer.targetGroups().contains(TargetGroup.FORMER_USE)
                    || offer.needs().contains(Need.AFTERCARE))) {
                reasons.add(new Reason("directory.reason.peers", null, false));
            }
            if ("no".equals(answers.getPeers())) {
                reasons.add(new Reason("directory.reason.noActiveUse", null, false));
            }
            if (Boolean.TRUE.equals(offer.lowThreshold())) {
                reasons.add(new Reason("directory.reason.lowThreshold", null, false));
            }
            if (Boolean.TRUE.equals(offer.free())) {
                reasons.add(new Reason("directory.reason.free", null, false));
            }
            if (!reasons.isEmpty()) {
                fits.add(new Fit(offer, reasons));
            }
        }
        fits.sort(Comparator.comparingInt((Fit f) -> -f.reasons().size()).thenComparing(f -> f.offer().name().toLowerCase()));
        return fits.size() > SHOWN ? fits.subList(0, SHOWN) : fits;
    }

    /** The answers as the questions' form sends them. */
    public static class Answers {
        private List<String> need = new ArrayList<>();
        private String area;
        /** yes, no or any */
        private String peers;
        /** now, tonight, weekend or empty */
        private String when;
        private boolean asked;

        public boolean isAnswered() {
            return asked;
        }

        public List<String> getNeed() { return need; }
        public void setNeed(List<String> need) { this.need = need == null ? new ArrayList<>() : need; }
        public String getArea() { return area; }
        public void setArea(String area) { this.area = area; }
        public String getPeers() { return peers; }
        public void setPeers(String peers) { this.peers = peers; }
        public String getWhen() { return when; }
        public void setWhen(String when) { this.when = when; }
        public boolean isAsked() { return asked; }
        public void setAsked(boolean asked) { this.asked = asked; }
    }
}

package no.tilfrisk.directory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.tilfrisk.platform.Text;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * «Veiviser»: a few plain questions for someone leaving treatment or prison (what do you need now, where will you
 * live, do you want others with experience of addiction around you, when are you free), and the offers that fit,
 * each with the reasons it fits. An offer must give one of the needs chosen; the rest ranks: in the area, open
 * when the person is free, peers, low threshold, free of charge. Whoever does not want to be among people in
 * active use gets no offer aimed at active use. The ranking is done in SQL over every offer that gives a need
 * ({@link GuidedRecords}), so a good fit is never lost behind a thousand others that come first by name.
 */
@Service
public class GuidedSearch {

    static final int SHOWN = 20;

    private final GuidedRecords records;
    private final Clock clock;

    GuidedSearch(GuidedRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** One reason an offer fits: a message key and its argument (itself a message key when {@code argIsKey}). */
    public record Reason(String key, String arg, boolean argIsKey) {
    }

    public record Fit(OfferSummary offer, List<Reason> reasons) {
    }

    /** The best fits ({@value #SHOWN}), ranked in the database over every offer that gives a need, with reasons. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Fit> fits(Answers answers) {
        return rank(answers, SHOWN);
    }

    /** The best {@code limit} fits (a test asks for every one). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Fit> fits(Answers answers, int limit) {
        return rank(answers, limit);
    }

    private List<Fit> rank(Answers answers, int limit) {
        OfferQuery query = new OfferQuery();
        query.setNeed(answers.getNeed());
        Set<Need> needs = query.toSearch().needs();
        OpenWhen when = OpenWhen.parse(answers.getWhen()).orElse(null);
        String area = Text.blankToNull(answers.getArea());
        List<DayWindow> then = when == null ? List.of() : when.windows(LocalDateTime.now(clock));
        List<Fit> fits = new ArrayList<>();
        for (GuidedRecords.Candidate c : records.best(needs, area, answers.getPeers(), then, limit)) {
            OfferSummary offer = c.offer();
            List<Reason> reasons = new ArrayList<>();
            for (Need need : offer.needs()) {
                if (needs.contains(need)) {
                    reasons.add(new Reason("directory.reason.need", "need." + need.code(), true));
                }
            }
            if (area != null && area.equalsIgnoreCase(offer.area())) {
                reasons.add(new Reason("directory.reason.area", offer.area(), false));
            }
            if (when != null && c.openThen()) {
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
            fits.add(new Fit(offer, reasons));
        }
        return fits;
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

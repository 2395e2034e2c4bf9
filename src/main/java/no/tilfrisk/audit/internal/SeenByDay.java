package no.tilfrisk.audit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditEntry;
import no.tilfrisk.platform.web.Dates;

/**
 * «Hvem har sett opplysningene mine» as a participant can read it (issue 15, item 10): one group per day and
 * person, each saying what they did to which part, with a count instead of one line per row (a search that read
 * the participant a hundred times is one line, «100 ganger»). Newest day first; within a day, the person seen
 * last first.
 */
record SeenByDay(LocalDate day, List<Seer> seers) {

    /** One person (null name: Tilfrisk itself) on one day, and what they did. */
    record Seer(String actorName, List<Seen> seen) {
    }

    /** What was done to which part of the participant's data (the message key's last part), and how often. */
    record Seen(AuditAction action, String area, int times) {
    }

    /** The parts a participant has words for; the rest is «opplysningene dine». */
    private static final Set<String> AREAS = Set.of("person", "followup", "activity", "plan", "outcome", "portal", "partner");

    /** Groups the entries, which come newest first. */
    static List<SeenByDay> of(List<AuditEntry> entries) {
        Map<LocalDate, Map<String, Map<String, int[]>>> days = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            LocalDate day = e.at().atZone(Dates.OSLO).toLocalDate();
            String actor = Objects.toString(e.actorId(), "") + "|" + Objects.toString(e.actorName(), "");
            names.put(actor, e.actorName());
            String area = e.what() == null ? "other" : e.what().split("[.:]", 2)[0];
            String what = e.action().name() + "|" + (AREAS.contains(area) ? area : "other");
            days.computeIfAbsent(day, d -> new LinkedHashMap<>()).computeIfAbsent(actor, a -> new LinkedHashMap<>())
                    .computeIfAbsent(what, w -> new int[1])[0]++;
        }
        List<SeenByDay> out = new ArrayList<>();
        days.forEach((day, actors) -> {
            List<Seer> seers = new ArrayList<>();
            actors.forEach((actor, whats) -> {
                List<Seen> seen = new ArrayList<>();
                whats.forEach((what, times) -> seen.add(new Seen(AuditAction.valueOf(what.split("\\|")[0]),
                        what.split("\\|")[1], times[0])));
                seers.add(new Seer(names.get(actor), seen));
            });
            out.add(new SeenByDay(day, seers));
        });
        return out;
    }
}

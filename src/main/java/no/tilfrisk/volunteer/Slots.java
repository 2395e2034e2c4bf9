package no.tilfrisk.volunteer;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.tilfrisk.volunteer.matching.PartOfDay;
import no.tilfrisk.volunteer.matching.Slot;

/** Availability as stored ({@code 'TUESDAY:EVENING'}) and as the matcher and the forms see it. */
public final class Slots {

    private Slots() {
    }

    /** Every slot of the week, Monday morning first: the checkboxes of a form. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            for (PartOfDay p : PartOfDay.values()) {
                all.add(d + ":" + p);
            }
        }
        return all;
    }

    /** The codes as slots; an unknown code is left out. */
    public static Set<Slot> parse(Collection<String> codes) {
        Set<Slot> slots = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            String[] parts = code == null ? new String[0] : code.split(":");
            try {
                if (parts.length == 2) {
                    slots.add(new Slot(DayOfWeek.valueOf(parts[0]), PartOfDay.valueOf(parts[1])));
                }
            } catch (IllegalArgumentException e) {
                // not a slot: ignored
            }
        }
        return slots;
    }

    /** The valid codes among these, in the week's order. */
    public static List<String> clean(Collection<String> codes) {
        Set<String> valid = new TreeSet<>((a, b) -> Integer.compare(all().indexOf(a), all().indexOf(b)));
        parse(codes).forEach(s -> valid.add(s.day() + ":" + s.part()));
        return List.copyOf(valid);
    }
}

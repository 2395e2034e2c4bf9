package no.tilfrisk.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.activity.AttendanceImport;
import no.tilfrisk.person.PersonImport;

/**
 * Plans a file of attendance: each row names an activity and a date (the session: the one on that day, made if
 * there is none), and a person present, or head-counts (adults, children, guests), or both. The head-counts of a
 * session are the sum over its rows in the file, and replace what the session had. The roll call's rules hold: the
 * person is found by {@link PersonMatcher}'s rule and is a member of the activity's department on the date; adults
 * are counted only in a low-threshold activity; a cancelled session takes nothing. A coordinator records attendance
 * in their own departments' activities only: a row naming another department's activity is refused and told so.
 */
final class AttendanceRows {

    private final AttendanceImport attendance;
    private final PersonImport persons;

    final List<AttendanceImport.NewSession> newSessions = new ArrayList<>();
    final List<AttendanceImport.Counts> counts = new ArrayList<>();
    final List<AttendanceImport.Present> present = new ArrayList<>();

    AttendanceRows(AttendanceImport attendance, PersonImport persons) {
        this.attendance = attendance;
        this.persons = persons;
    }

    private record Parsed(int row, AttendanceImport.Importable activity, LocalDate date, String person,
                          Integer birthYear, int[] counts) {
    }

    private record Key(UUID activity, LocalDate date) {
    }

    void plan(Table table, Map<String, Integer> columns, Map<Integer, UUID> choices, RowPlan plan) {
        Map<String, AttendanceImport.Importable> activities = new HashMap<>();
        for (AttendanceImport.Importable a : attendance.activities()) {
            activities.putIfAbsent(Cells.nameKey(a.name()), a);
        }
        Set<String> others = new HashSet<>();
        attendance.othersActivityNames().forEach(name -> others.add(Cells.nameKey(name)));
        List<Parsed> parsed = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Parsed p = parse(row, columns, activities, others, plan);
            if (p != null) {
                parsed.add(p);
            }
        }
        if (parsed.isEmpty()) {
            return;
        }
        LocalDate first = parsed.stream().map(Parsed::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = parsed.stream().map(Parsed::date).max(LocalDate::compareTo).orElseThrow();
        Set<UUID> activityIds = new HashSet<>();
        parsed.forEach(p -> activityIds.add(p.activity.id()));
        Map<Key, List<AttendanceImport.Session>> sessions = new HashMap<>();
        for (AttendanceImport.Session s : attendance.sessions(activityIds, first, last)) {
            sessions.computeIfAbsent(new Key(s.activityId(), s.date()), k -> new ArrayList<>()).add(s);
        }
        Set<AttendanceImport.Present> already = new HashSet<>(attendance.present(
                sessions.values().stream().flatMap(List::stream).map(AttendanceImport.Session::id).toList()));
        PersonMatcher matcher = new PersonMatcher(persons.candidates());
        Map<Integer, UUID> personOfRow = new HashMap<>();
        Set<UUID> named = new HashSet<>();
        for (Parsed p : parsed) {
            if (p.person.isEmpty()) {
                continue;
            }
            UUID chosen = matcher.resolve(p.row, p.person, p.birthYear, choices, plan);
            if (chosen != null) {
                personOfRow.put(p.row, chosen);
                named.add(chosen);
            }
        }
        Map<UUID, List<PersonImport.Span>> memberships = new HashMap<>();
        for (PersonImport.Span s : persons.spans(named)) {
            memberships.computeIfAbsent(s.personId(), k -> new ArrayList<>()).add(s);
        }
        Map<Key, UUID> made = new HashMap<>();
        Map<UUID, int[]> sums = new LinkedHashMap<>();
        Map<UUID, AttendanceImport.Session> existing = new HashMap<>();
        Map<UUID, List<Integer>> countRows = new HashMap<>();
        for (Parsed p : parsed) {
            if (plan.refused(p.row)) {
                continue;
            }
            Key key = new Key(p.activity.id(), p.date);
            List<AttendanceImport.Session> onDay = sessions.getOrDefault(key, List.of());
            if (onDay.size() > 1) {
                plan.refuse(p.row, "import.row.severalSessions", p.activity.name(), Cells.NORWEGIAN_DATE.format(p.date));
                continue;
            }
            if (onDay.size() == 1 && onDay.get(0).cancelled()) {
                plan.refuse(p.row, "attendance.session.cancelled");
                continue;
            }
            UUID person = personOfRow.get(p.row);
            if (person != null && memberships.getOrDefault(person, List.of()).stream()
                    .noneMatch(s -> s.what().equals(p.activity.departmentId().toString())
                            && !s.from().isAfter(p.date) && (s.to() == null || !s.to().isBefore(p.date)))) {
                plan.refuse(p.row, "attendance.person.notMemberOnDate");
                continue;
            }
            UUID session;
            if (onDay.size() == 1) {
                session = onDay.get(0).id();
                existing.put(session, onDay.get(0));
                plan.outcome(p.row, DryRun.Outcome.SKIP);
            } else if (made.containsKey(key)) {
                session = made.get(key);
                plan.outcome(p.row, DryRun.Outcome.SKIP);
            } else {
                session = UUID.randomUUID();
                made.put(key, session);
                newSessions.add(new AttendanceImport.NewSession(session, key.activity(), key.date()));
                plan.item("SESSION", session, null, null);
                plan.outcome(p.row, DryRun.Outcome.CREATE);
            }
            if (p.counts != null) {
                int[] sum = sums.computeIfAbsent(session, k -> new int[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] = Math.min(100_000, sum[i] + p.counts[i]);
                }
                countRows.computeIfAbsent(session, k -> new ArrayList<>()).add(p.row);
                if (!existing.containsKey(session)) {
                    plan.outcome(p.row, DryRun.Outcome.CREATE);
                }
            }
            if (person != null) {
                AttendanceImport.Present pair = new AttendanceImport.Present(session, person);
                if (already.add(pair)) {
                    present.add(pair);
                    plan.item("ATTENDANCE", session, person, null);
                    plan.outcome(p.row, DryRun.Outcome.CREATE);
                }
            }
        }
        sums.forEach((session, sum) -> {
            AttendanceImport.Session was = existing.get(session);
            if (was != null && was.adults() == sum[0] && was.children() == sum[1] && was.guests() == sum[2]) {
                return;
            }
            counts.add(new AttendanceImport.Counts(session, sum[0], sum[1], sum[2]));
            if (was != null) {
                plan.item("SESSION_COUNTS", session, null, new Integer[] {was.adults(), was.children(), was.guests()});
                countRows.get(session).forEach(row -> plan.outcome(row, DryRun.Outcome.CHANGE));
            }
        });
    }

    private Parsed parse(Table.Row row, Map<String, Integer> columns,
                         Map<String, AttendanceImport.Importable> activities, Set<String> others, RowPlan plan) {
        int n = row.number();
        Values v = new Values(row, columns, plan);
        String activityName = v.text("activity");
        AttendanceImport.Importable activity = null;
        if (activityName.isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("activity"));
        } else {
            activity = activities.get(Cells.nameKey(activityName));
            if (activity == null && others.contains(Cells.nameKey(activityName))) {
                plan.refuse(n, "import.row.notYourActivity", activityName);
            } else if (activity == null) {
                plan.refuse(n, "import.row.unknown", RowPlan.field("activity"), activityName);
            }
        }
        LocalDate date = v.date("date");
        if (date == null && v.text("date").isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("date"));
        }
        if (activity != null && date != null && !activity.covers(date)) {
            plan.refuse(n, "import.row.outsideActivity", activity.name(), Cells.NORWEGIAN_DATE.format(date));
        }
        Integer birthYear = v.whole("birthYear");
        int[] counts = null;
        String[] fields = {"adults", "children", "guests"};
        for (int i = 0; i < 3; i++) {
            Integer c = v.whole(fields[i]);
            if (c == null) {
                continue;
            }
            if (c < 0 || c > 100_000) {
                plan.refuse(n, "import.row.invalid", RowPlan.field(fields[i]), v.text(fields[i]),
                        RowPlan.message(c < 0 ? "attendance.count.negative" : "attendance.count.tooLarge"));
                continue;
            }
            if (i == 0 && c > 0 && activity != null && !activity.lowThreshold()) {
                plan.refuse(n, "attendance.adults.notLowThreshold");
            }
            counts = counts == null ? new int[3] : counts;
            counts[i] = c;
        }
        String person = v.text("person");
        if (person.isEmpty() && counts == null && !plan.refused(n)) {
            plan.refuse(n, "import.row.nothing");
        }
        return plan.refused(n) ? null : new Parsed(n, activity, date, person, birthYear, counts);
    }
}

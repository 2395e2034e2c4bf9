package no.tilfrisk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityForm;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivityKind;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.AttendanceHistory;
import no.tilfrisk.activity.AttendanceRollCall;
import no.tilfrisk.activity.DistributionForm;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.activity.SessionForm;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.PersonLookup;
import org.springframework.stereotype.Component;

/**
 * Last year and this year of the demo organisation's activities, in the spirit of seed 000: thematic groups (a
 * women's group from 13 May, a men's group), an outdoor group with Medvandrerne, a bonfire group for a period in
 * May with children, bowling twice, a Christmas party and lunch, weekly food distribution, and what was handed
 * out at Christmas. Attendance is taken for sessions up to today, written in one go ({@link AttendanceHistory}).
 */
@Component
class DemoActivities {

    private final Activities activities;
    private final ActivitySessions sessions;
    private final AttendanceHistory attendance;
    private final Distributions distributions;
    private final PersonLookup persons;
    private final Clock clock;

    DemoActivities(Activities activities, ActivitySessions sessions, AttendanceHistory attendance,
                   Distributions distributions, PersonLookup persons, Clock clock) {
        this.clock = clock;
        this.activities = activities;
        this.sessions = sessions;
        this.attendance = attendance;
        this.distributions = distributions;
        this.persons = persons;
    }

    void write(Map<String, Department> departments, List<UUID> staffLeaders, UUID volunteerLeader, UUID participant) {
        Random random = new Random(2024);
        LocalDate today = LocalDate.now(clock);
        int lastYear = today.getYear() - 1;
        LocalDate endOfYear = LocalDate.of(today.getYear(), 12, 31);
        Map<String, UUID> kinds = new HashMap<>();
        activities.kinds().forEach((ActivityKind k) -> kinds.put(k.code(), k.id()));
        Department skien = departments.get("Skien");
        Department tonsberg = departments.get("Tønsberg");
        Department stavanger = departments.get("Stavanger");
        List<UUID> skienPeople = people(skien);

        Activity women = activity(skien, "Kvinnegruppe", ActivityFormat.GROUP, kinds.get("thematic_group"),
                LocalDate.of(lastYear, 5, 13), null, false, List.of(), List.of(staffLeaders.get(0)));
        weekly(women, LocalDate.of(lastYear, 5, 13), endOfYear, DayOfWeek.TUESDAY, "18:00", "20:00", "Huset");
        Activity men = activity(skien, "Mannsgruppe", ActivityFormat.GROUP, kinds.get("thematic_group"),
                LocalDate.of(lastYear, 1, 5), null, false, List.of(), List.of(staffLeaders.get(1)));
        weekly(men, LocalDate.of(lastYear, 1, 5), endOfYear, DayOfWeek.THURSDAY, "18:00", "20:00", "Huset");
        Activity outdoors = activity(skien, "Friluftsgruppe", ActivityFormat.GROUP, kinds.get("outdoors"),
                LocalDate.of(lastYear, 3, 1), null, true, List.of("Medvandrerne"), List.of(volunteerLeader));
        weekly(outdoors, LocalDate.of(lastYear, 3, 1), endOfYear, DayOfWeek.SATURDAY, "11:00", "15:00", "Oppmøte ved Huset");
        for (int year : new int[] {lastYear, today.getYear()}) {
            Activity bonfire = activity(skien, "Bålgruppe " + year, ActivityFormat.GROUP, kinds.get("bonfire"),
                    LocalDate.of(year, 5, 6), LocalDate.of(year, 5, 31), true, List.of(), List.of(volunteerLeader));
            for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY}) {
                weekly(bonfire, LocalDate.of(year, 5, 6), LocalDate.of(year, 5, 31), day, "17:00", "20:00", "Bålplassen");
            }
            Activity bowling = activity(skien, "Bowling " + year, ActivityFormat.EVENT, kinds.get("sports"),
                    LocalDate.of(year, 2, 1), LocalDate.of(year, 10, 31), false, List.of(), List.of(staffLeaders.get(1)));
            once(bowling, LocalDate.of(year, 2, 18), "18:00", "21:00", "Bowlinghallen");
            once(bowling, LocalDate.of(year, 10, 14), "18:00", "21:00", "Bowlinghallen");
            Activity party = activity(skien, "Julebord " + year, ActivityFormat.EVENT, kinds.get("social_event"),
                    LocalDate.of(year, 12, 5), LocalDate.of(year, 12, 5), false, List.of(), staffLeaders);
            once(party, LocalDate.of(year, 12, 5), "18:00", "23:00", "Festsalen");
            Activity lunch = activity(tonsberg, "Julelunsj " + year, ActivityFormat.EVENT, kinds.get("social_event"),
                    LocalDate.of(year, 12, 18), LocalDate.of(year, 12, 18), true, List.of(), List.of());
            once(lunch, LocalDate.of(year, 12, 18), "12:00", "14:00", "Kafeen");
        }
        Activity food = activity(tonsberg, "Matutdeling", ActivityFormat.GROUP, kinds.get("food_distribution"),
                LocalDate.of(lastYear, 1, 1), null, true, List.of("Matsentralen"), List.of());
        weekly(food, LocalDate.of(lastYear, 1, 1), endOfYear, DayOfWeek.FRIDAY, "12:00", "14:00", "Kafeen");
        Activity selfHelp = activity(stavanger, "Selvhjelpsgruppe", ActivityFormat.GROUP, kinds.get("self_help"),
                LocalDate.of(lastYear, 8, 25), null, false, List.of("Selvhjelp Norge"), List.of());
        weekly(selfHelp, LocalDate.of(lastYear, 8, 25), endOfYear, DayOfWeek.WEDNESDAY, "17:00", "19:00", null);

        List<UUID> tonsbergPeople = people(tonsberg);
        List<UUID> stavangerPeople = people(stavanger);
        // the history is drawn session by session as a roll call would be taken, then written in one go
        Map<UUID, AttendanceRollCall.Attendance> history = new LinkedHashMap<>();
        attend(history, women, skienPeople.subList(0, Math.min(14, skienPeople.size())), 4, 9, 0, 0, today, random);
        attend(history, men, skienPeople.subList(Math.min(10, skienPeople.size()), skienPeople.size()), 3, 8, 0, 0, today, random);
        attend(history, outdoors, skienPeople, 2, 6, 4, 0, today, random);
        // the demo participant came to the outdoor group's latest three, so «Min side» offers its coming sessions
        sessions.list(outdoors.id()).stream().filter(s -> !s.date().isAfter(today))
                .sorted(Comparator.comparing(ActivitySession::date).reversed()).limit(3)
                .forEach(s -> history.computeIfPresent(s.id(), (id, attendance) -> {
                    List<UUID> named = new ArrayList<>(attendance.personIds());
                    if (!named.contains(participant)) {
                        named.add(participant);
                    }
                    return new AttendanceRollCall.Attendance(named, attendance.adults(), attendance.children(),
                            attendance.guests());
                }));
        attend(history, food, tonsbergPeople, 0, 3, 25, 0, today, random);
        attend(history, selfHelp, stavangerPeople, 2, 6, 0, 0, today, random);
        activities.list(skien.id(), LocalDate.of(lastYear, 1, 1), endOfYear).stream()
                .map(o -> o.activity())
                .filter(a -> a.name().startsWith("Bålgruppe") || a.name().startsWith("Bowling") || a.name().startsWith("Julebord"))
                .forEach(a -> {
                    boolean bonfire = a.name().startsWith("Bålgruppe");
                    boolean party = a.name().startsWith("Julebord");
                    attend(history, a, skienPeople, bonfire ? 1 : party ? 15 : 6, bonfire ? 5 : party ? 25 : 10,
                            bonfire ? 40 : 0, bonfire ? 12 : 0, today, random);
                });
        activities.list(tonsberg.id(), LocalDate.of(lastYear, 1, 1), endOfYear).stream()
                .map(o -> o.activity()).filter(a -> a.name().startsWith("Julelunsj"))
                .forEach(a -> attend(history, a, tonsbergPeople, 5, 10, 30, 6, today, random));
        attendance.replaceAll(history);

        for (int year : new int[] {lastYear, today.getYear()}) {
            LocalDate christmas = LocalDate.of(year, 12, 20);
            if (christmas.isAfter(today)) {
                continue;
            }
            distribute(skien, christmas, DistributionKind.GIFT_CARD, 40, "20000", null);
            distribute(skien, christmas, DistributionKind.CHRISTMAS_PRESENT, 30, null, null);
            distribute(tonsberg, christmas, DistributionKind.FOOD_BOX, 25, "12500", null);
        }
        for (LocalDate month = LocalDate.of(lastYear, 1, 15); !month.isAfter(today); month = month.plusMonths(1)) {
            distribute(tonsberg, month, DistributionKind.FOOD_DELIVERY, 8 + random.nextInt(10), null, food.id());
        }
        if (!skienPeople.isEmpty()) {
            distribute(skien, today.minusDays(20), DistributionKind.EQUIPMENT, 1, "450", null, skienPeople.get(0));
        }
    }

    private List<UUID> people(Department department) {
        List<UUID> ids = new ArrayList<>();
        persons.findInDepartment(department.id(), "", 200, "demo").forEach(p -> ids.add(p.id()));
        return ids;
    }

    private Activity activity(Department department, String name, ActivityFormat format, UUID kind, LocalDate start,
                              LocalDate end, boolean lowThreshold, List<String> partners, List<UUID> leaders) {
        ActivityForm form = new ActivityForm();
        form.setName(name);
        form.setFormat(format);
        form.setKindId(kind);
        form.setDepartmentId(department.id());
        form.setStartDate(start);
        form.setEndDate(end);
        form.setLowThreshold(lowThreshold);
        form.setPartners(partners);
        form.setLeaderIds(leaders.stream().filter(Objects::nonNull).toList());
        return activities.create(UUID.randomUUID(), form);
    }

    private void weekly(Activity activity, LocalDate from, LocalDate until, DayOfWeek day, String start, String end,
                        String place) {
        SessionForm form = new SessionForm();
        form.setDate(from);
        form.setUntil(until);
        form.setWeekday(day);
        form.setStartTime(LocalTime.parse(start));
        form.setEndTime(LocalTime.parse(end));
        form.setPlace(place);
        sessions.add(activity.id(), form);
    }

    private void once(Activity activity, LocalDate date, String start, String end, String place) {
        weekly(activity, date, null, null, start, end, place);
    }

    /**
     * Attendance for every past session: a few to many of the given people, and head-counts where allowed. Of those
     * drawn, only who were in the department on the session's date come: the roll call takes no one else.
     */
    private void attend(Map<UUID, AttendanceRollCall.Attendance> history, Activity activity, List<UUID> people,
                        int minNamed, int maxNamed, int maxAdults, int maxChildren, LocalDate today, Random random) {
        Map<ActivitySession, AttendanceRollCall.Attendance> drawn = new LinkedHashMap<>();
        List<PersonLookup.OnDate> candidates = new ArrayList<>();
        for (ActivitySession session : sessions.list(activity.id())) {
            if (session.date().isAfter(today)) {
                continue;
            }
            List<UUID> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, random);
            int named = people.isEmpty() ? 0 : Math.min(shuffled.size(), minNamed + random.nextInt(maxNamed - minNamed + 1));
            int adults = activity.lowThreshold() && maxAdults > 0 ? random.nextInt(maxAdults + 1) : 0;
            int children = maxChildren > 0 ? random.nextInt(maxChildren + 1) : 0;
            int guests = activity.name().startsWith("Julebord") ? 2 : 0;
            List<UUID> came = new ArrayList<>(shuffled.subList(0, named));
            came.forEach(p -> candidates.add(new PersonLookup.OnDate(p, session.date())));
            drawn.put(session, new AttendanceRollCall.Attendance(came, adults, children, guests));
        }
        var members = persons.membersOnDates(activity.departmentId(), candidates);
        drawn.forEach((session, a) -> history.put(session.id(), new AttendanceRollCall.Attendance(
                a.personIds().stream().filter(p -> members.contains(new PersonLookup.OnDate(p, session.date()))).toList(),
                a.adults(), a.children(), a.guests())));
    }

    private void distribute(Department department, LocalDate date, DistributionKind kind, int count, String value,
                            UUID activity) {
        distribute(department, date, kind, count, value, activity, null);
    }

    private void distribute(Department department, LocalDate date, DistributionKind kind, int count, String value,
                            UUID activity, UUID recipient) {
        DistributionForm form = new DistributionForm();
        form.setDepartmentId(department.id());
        form.setDate(date);
        form.setKind(kind);
        form.setCount(count);
        form.setValueNok(value == null ? null : new BigDecimal(value));
        form.setActivityId(activity);
        form.setRecipientId(recipient);
        distributions.register(UUID.randomUUID(), form);
    }
}

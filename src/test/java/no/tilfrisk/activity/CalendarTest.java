package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.PersonDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar page, the department's iCal feed (titles and times, never persons; revocable), and the timeline. */
@TilfriskTest
class CalendarTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Clock clock;

    @Test
    void theFeedListsTheDepartmentsSessionsWithoutPersonsUntilItIsRevoked() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Tønsberg", "Feedgruppe " + tag, true,
                LocalDate.now(clock).minusDays(3), null, List.of());
        UUID session = fixtures.session(DEMO_RECOVERY, group.id(), LocalDate.now(clock).plusDays(1)).id();
        String personName = "Feedperson " + tag;
        UUID person = people.register(DEMO_RECOVERY, "Tønsberg", personName);
        fixtures.attendance(DEMO_RECOVERY, session, List.of(person), 0, 0, 0);
        UUID department = People.asSystem(DEMO_RECOVERY, () -> people.department("Tønsberg").id());
        CalendarFeeds.NewFeed feed = People.asSystem(DEMO_RECOVERY, () -> feeds.create(department));

        String ics = mvc.perform(get("/calendar/feed/" + feed.token() + ".ics"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent event = events.stream().filter(e -> e.getSummary().getValue().equals("Feedgruppe " + tag)).findFirst().orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(session + "@tilfrisk");
        assertThat(event.getLocation()).isNull();
        // 18:00 in Oslo, in UTC
        String start = ZonedDateTime.of(LocalDate.now(clock).plusDays(1), LocalTime.of(18, 0), ZoneId.of("Europe/Oslo"))
                .withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        assertThat(ics).contains("DTSTART:" + start);
        assertThat(ics).doesNotContain(personName).doesNotContain(person.toString());

        People.asSystem(DEMO_RECOVERY, () -> {
            feeds.revoke(feed.id());
            return null;
        });
        mvc.perform(get("/calendar/feed/" + feed.token() + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/feed/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());
    }

    @Test
    void theWeekShowsTheSessionsOfTheCallersDepartmentsAndAttendanceIsOnThePersonsTimeline() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity skien = fixtures.activity(DEMO_RECOVERY, "Skien", "Ukegruppe " + tag, true, LocalDate.now(clock).minusDays(3), null, List.of());
        Activity stavanger = fixtures.activity(DEMO_RECOVERY, "Stavanger", "Stavangergruppe " + tag, true, LocalDate.now(clock).minusDays(3), null, List.of());
        UUID session = fixtures.session(DEMO_RECOVERY, skien.id(), LocalDate.now(clock)).id();
        fixtures.session(DEMO_RECOVERY, stavanger.id(), LocalDate.now(clock));
        String page = mvc.perform(get("/calendar").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ukegruppe " + tag).doesNotContain("Stavangergruppe " + tag);
        String month = mvc.perform(get("/calendar").param("view", "month").with(user(accounts.loadUserByUsername(Demo.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(month).contains("Ukegruppe " + tag).contains("Stavangergruppe " + tag);

        UUID person = people.register(DEMO_RECOVERY, "Skien", "Tidslinje " + tag);
        fixtures.attendance(DEMO_RECOVERY, session, List.of(person), 0, 0, 0);
        PersonDetails details = People.asSystem(DEMO_RECOVERY, () -> people.details(person));
        assertThat(details.timeline()).anySatisfy(e -> {
            assertThat(e.messageKey()).isEqualTo("timeline.attended");
            assertThat(e.detail()).isEqualTo("Ukegruppe " + tag);
        });
    }
}

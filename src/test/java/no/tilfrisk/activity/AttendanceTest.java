package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

/** Attendance is idempotent, refuses what does not belong, and leaves a trail; bad input saves nothing. */
@TilfriskTest
class AttendanceTest {

    /** Oslo's date, as the test persons' memberships begin; a session of today's names them. */
    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserDetailsService accounts;

    @Test
    void theSamePutTwiceLeavesOneRecordPerPersonAndOneTrailRowPerChange() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Gruppe " + tag, true,
                TODAY.minusMonths(1), null, List.of());
        UUID session = fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        UUID ola = people.register(DEMO_RECOVERY, "Skien", "Ola " + tag);
        String body = "{\"personIds\": [\"" + kari + "\", \"" + ola + "\"], \"adults\": 3, \"children\": 1, \"guests\": 0}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.personIds.length()").value(2))
                    .andExpect(jsonPath("$.adults").value(3));
        }
        assertThat(attendanceRows(session)).isEqualTo(2);
        assertThat(trailRows(kari, "CREATE", "activity.attendance:" + session)).isEqualTo(1);

        // a double click on the roll call: the same toggle twice
        UUID per = people.register(DEMO_RECOVERY, "Skien", "Per " + tag);
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/sessions/" + session + "/attendance/" + per).param("present", "true")
                            .header("HX-Request", "true").with(user(staff)).with(csrf()))
                    .andExpect(status().isOk());
        }
        assertThat(attendanceRows(session)).isEqualTo(3);
        assertThat(trailRows(per, "CREATE", "activity.attendance:" + session)).isEqualTo(1);

        // reading the attendance is a read of each person's data (as each tap's answer, naming those present, was)
        int readBefore = trailRows(ola, "READ", "activity.attendance:" + session);
        assertThat(readBefore).isEqualTo(2);
        mvc.perform(get("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk());
        assertThat(trailRows(ola, "READ", "activity.attendance:" + session)).isEqualTo(readBefore + 1);

        // and a shorter list removes the one left out
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\"], \"adults\": 3, \"children\": 1, \"guests\": 0}"))
                .andExpect(status().isOk());
        assertThat(attendanceRows(session)).isEqualTo(1);
    }

    @Test
    void aPersonOfAnotherOrganisationANegativeCountOrACancelledSessionSavesNothing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Gruppe " + tag, true,
                TODAY.minusMonths(1), null, List.of());
        UUID session = fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        UUID stranger = people.register(OTHER_ORGANISATION, "Bergen", "Fremmed " + tag);
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\", \"" + stranger + "\"], \"adults\": 4, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personIds"))
                .andExpect(jsonPath("$.errors[0].message").value("Personen finnes ikke i organisasjonen."));
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\"], \"adults\": -1, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("adults"))
                .andExpect(jsonPath("$.errors[0].message").value("The number cannot be negative."));
        assertThat(attendanceRows(session)).isZero();
        assertThat(adults(session)).isZero();
        // a person of another department is not this activity's to mark, by the API or by a tap
        UUID elsewhere = people.register(DEMO_RECOVERY, "Stavanger", "Stavanger " + tag);
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + elsewhere + "\"], \"adults\": 0, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personIds"));
        mvc.perform(post("/sessions/" + session + "/attendance/" + elsewhere).param("present", "true")
                        .with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attendanceRows(session)).isZero();

        fixtures.cancel(DEMO_RECOVERY, session);
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\"], \"adults\": 0, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sessionId"));
        assertThat(attendanceRows(session)).isZero();
    }

    @Test
    void theRollCallNamesThoseWhoWereMembersOnTheSessionsDateNotToday() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Gruppe " + tag, true, TODAY.minusYears(1), null, List.of());
        LocalDate day = TODAY.minusMonths(2);
        UUID session = fixtures.session(DEMO_RECOVERY, group.id(), day).id();
        // Kari was in Skien from before the session until last week; Per for that one day only; both came
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        membership(kari, day.minusMonths(1), TODAY.minusDays(7));
        UUID per = people.register(DEMO_RECOVERY, "Skien", "Per " + tag);
        membership(per, day, day);
        // Ola joined the day after the session, and is a member today
        UUID ola = people.register(DEMO_RECOVERY, "Skien", "Ola " + tag);
        membership(ola, day.plusDays(1), null);

        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\"], \"adults\": 2, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personIds[0]").value(kari.toString()));
        // the search offers those who were members that day, not Ola
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        mvc.perform(get("/sessions/" + session + "/find").param("q", tag).header("HX-Request", "true").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Per " + tag)))
                .andExpect(content().string(not(containsString("Ola " + tag))));
        mvc.perform(post("/sessions/" + session + "/attendance/" + per).param("present", "true")
                        .header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(attendanceRows(session)).isEqualTo(2);

        // Ola is refused, by the list and by a tap, and the list changes nothing, not even the counts
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + kari + "\", \"" + per + "\", \"" + ola + "\"], \"adults\": 5, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personIds"))
                .andExpect(jsonPath("$.errors[0].message").value("Personen var ikke med i avdelingen som aktiviteten "
                        + "hører til på datoen for økten. Se fra- og til-datoen for medlemskapet."));
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-admin"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [\"" + ola + "\"], \"adults\": 0, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("The person was not a member of the activity's "
                        + "department on the date of the session. Check the membership's from and to dates."));
        mvc.perform(post("/sessions/" + session + "/attendance/" + ola).param("present", "true")
                        .header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", "attendance.person.notMemberOnDate"));
        assertThat(attendanceRows(session)).isEqualTo(2);
        assertThat(adults(session)).isEqualTo(2);

        // at a session after he joined, he is on the roll call
        UUID later = fixtures.session(DEMO_RECOVERY, group.id(), day.plusDays(1)).id();
        mvc.perform(post("/sessions/" + later + "/attendance/" + ola).param("present", "true")
                        .header("HX-Request", "true").with(user(staff)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(attendanceRows(later)).isEqualTo(1);
    }

    /** Sets the person's one membership (made when they were registered) to these dates. */
    private void membership(UUID person, LocalDate from, LocalDate to) {
        int changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "UPDATE person_department SET from_date = ?, to_date = ? WHERE person_id = ?")
                .params(from, to, person).update()));
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void aSessionOfAnotherDepartmentIsNotFoundForStaffAndAVolunteerLeadsOnlyTheirOwn() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID volunteer = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM app_user WHERE email = 'frivillig@demo.tilfrisk.no'").query(UUID.class).single()));
        Activity stavanger = fixtures.activity(DEMO_RECOVERY, "Stavanger", "Stavanger " + tag, false,
                TODAY.minusMonths(1), null, List.of(volunteer));
        UUID session = fixtures.session(DEMO_RECOVERY, stavanger.id(), TODAY).id();
        UUID kari = people.register(DEMO_RECOVERY, "Stavanger", "Kari " + tag);
        String body = "{\"personIds\": [\"" + kari + "\"], \"adults\": 0, \"children\": 2, \"guests\": 0}";
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound());
        assertThat(attendanceRows(session)).isZero();
        // the volunteer leads this group: roll call is theirs to take, but not anonymous adults where names are taken
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-frivillig"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(attendanceRows(session)).isEqualTo(1);
        mvc.perform(put("/api/v1/sessions/" + session + "/attendance").header("Authorization", bearer("demo-frivillig"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\": [], \"adults\": 5, \"children\": 0, \"guests\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("adults"));
        assertThat(attendanceRows(session)).isEqualTo(1);
        // but not the attendance of an activity they do not lead
        Activity other = fixtures.activity(DEMO_RECOVERY, "Skien", "Skien " + tag, true, TODAY.minusMonths(1), null, List.of());
        UUID otherSession = fixtures.session(DEMO_RECOVERY, other.id(), TODAY).id();
        mvc.perform(get("/api/v1/sessions/" + otherSession + "/attendance").header("Authorization", bearer("demo-frivillig")))
                .andExpect(status().isNotFound());
    }

    @Test
    void periodsAndSeriesAreCheckedFieldByFieldAndASeriesSentTwiceMakesEachSessionOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID skien = People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id());
        String kinds = mvc.perform(get("/api/v1/activity-kinds").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String kindId = JsonPath.read(kinds, "$[0].id");
        mvc.perform(post("/api/v1/activities").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Feil " + tag + "\", \"format\": \"GROUP\", \"kindId\": \"" + kindId
                                + "\", \"departmentId\": \"" + skien + "\", \"startDate\": \"2025-05-01\", \"endDate\": \"2025-04-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endDate"));
        UUID key = UUID.randomUUID();
        String activity = "{\"name\": \"Serie " + tag + "\", \"format\": \"GROUP\", \"kindId\": \"" + kindId
                + "\", \"departmentId\": \"" + skien + "\", \"startDate\": \"2025-05-01\", \"endDate\": \"2025-06-30\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/activities").header("Authorization", bearer("demo-ansatt")).header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON).content(activity))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").value(key.toString()));
        }
        mvc.perform(post("/api/v1/activities/" + key + "/sessions").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2025-07-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(post("/api/v1/activities/" + key + "/sessions").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2025-05-10\", \"until\": \"2025-05-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        mvc.perform(post("/api/v1/activities/" + key + "/sessions").header("Authorization", bearer("demo-ansatt"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2025-05-01\", \"startTime\": \"18:00\", \"endTime\": \"17:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endTime"));
        // Tuesdays from 1 May to 30 June 2025: 6, 13, 20, 27 May, 3, 10, 17, 24 June = 8 sessions
        String series = "{\"date\": \"2025-05-01\", \"until\": \"2025-06-30\", \"weekday\": \"TUESDAY\", \"startTime\": \"18:00\"}";
        // 201 with the sessions made, as a single session; sent again it makes none
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/activities/" + key + "/sessions").header("Authorization", bearer("demo-ansatt"))
                            .contentType(MediaType.APPLICATION_JSON).content(series))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.length()").value(i == 0 ? 8 : 0));
        }
        mvc.perform(get("/api/v1/activities/" + key + "/sessions").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[0].date").value("2025-05-06"));
        // the page form sent twice (same form id) creates one activity
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        UUID formId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/activities").with(user(staff)).with(csrf()).param("formId", formId.toString())
                            .param("name", "Skjema " + tag).param("format", "EVENT").param("kindId", kindId)
                            .param("departmentId", skien.toString()).param("startDate", "2025-09-01"))
                    .andExpect(status().is3xxRedirection());
        }
        Integer created = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT count(*) FROM activity WHERE name = ?")
                .param("Skjema " + tag).query(Integer.class).single()));
        assertThat(created).isEqualTo(1);
        // and the page shows errors field by field, saving nothing
        mvc.perform(post("/activities").with(user(staff)).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("name", "").param("format", "GROUP").param("kindId", kindId)
                        .param("departmentId", skien.toString()).param("startDate", "ikke en dato"))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("Skriv et navn på aktiviteten.")));
    }

    private int attendanceRows(UUID session) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT count(*) FROM attendance WHERE session_id = ?")
                .param(session).query(Integer.class).single()));
    }

    private int adults(UUID session) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT adults FROM activity_session WHERE id = ?")
                .param(session).query(Integer.class).single()));
    }

    private int trailRows(UUID person, String action, String what) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM audit_event WHERE person_id = ? AND action = ? AND what = ?")
                .params(person, action, what).query(Integer.class).single()));
    }
}

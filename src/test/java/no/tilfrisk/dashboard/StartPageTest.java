package no.tilfrisk.dashboard;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start page per role: «I dag» with the sessions a user runs (their departments' and those they lead) and the
 * roll call one tap away; a volunteer's groups; «Mine oppgaver» with what is new since the last sitting marked;
 * a report reader's shortcuts; a participant sent to «Min side».
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class, TestAccounts.class})
class StartPageTest {

    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Departments departments;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void staffSeeTheSessionsOfTheirDepartmentTodayAndNextWithTheRollCallOneTapAway() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Department mine = People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(),
                new DepartmentForm("Avdeling " + tag, "Skien", TODAY.minusYears(1))));
        var staff = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of(mine.id()));
        Activity group = fixtures.activity(DEMO_RECOVERY, mine.name(), "Gruppe " + tag, true, TODAY.minusMonths(1), null,
                List.of());
        UUID today = fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
        UUID soon = fixtures.session(DEMO_RECOVERY, group.id(), TODAY.plusDays(3)).id();
        UUID cancelled = fixtures.session(DEMO_RECOVERY, group.id(), TODAY.plusDays(4)).id();
        UUID far = fixtures.session(DEMO_RECOVERY, group.id(), TODAY.plusDays(20)).id();
        UUID yesterday = fixtures.session(DEMO_RECOVERY, group.id(), TODAY.minusDays(1)).id();
        fixtures.cancel(DEMO_RECOVERY, cancelled);
        Activity elsewhere = fixtures.activity(DEMO_RECOVERY, "Skien", "Annen " + tag, true, TODAY.minusMonths(1), null,
                List.of());
        fixtures.session(DEMO_RECOVERY, elsewhere.id(), TODAY);

        String page = page(accounts.loadUserByUsername(staff.email()));
        assertThat(page).contains("id=\"today\"", "Gruppe " + tag, "href=\"/sessions/" + today + "\"",
                "href=\"/sessions/" + soon + "\"", "aria-label=\"Opprop: Gruppe " + tag + ", i dag\"");
        assertThat(page.indexOf("/sessions/" + today)).isLessThan(page.indexOf("/sessions/" + soon));
        // cancelled: shown, marked, without a roll call; two weeks ahead at most; nothing past; not another department's
        assertThat(page).contains("Avlyst").doesNotContain("/sessions/" + cancelled, "/sessions/" + far,
                "/sessions/" + yesterday, "Annen " + tag);
        // staff find their groups under «Aktiviteter»: no «Mine grupper»
        assertThat(page).doesNotContain("Mine grupper");
    }

    @Test
    void aVolunteerSeesTheGroupsTheyLeadAndTheirNextRollCallButNoTasks() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var volunteer = testAccounts.create(DEMO_RECOVERY, Role.VOLUNTEER, Set.of());
        Activity led = fixtures.activity(DEMO_RECOVERY, "Skien", "Turgruppe " + tag, true, TODAY.minusMonths(1), null,
                List.of(volunteer.id()));
        UUID next = fixtures.session(DEMO_RECOVERY, led.id(), TODAY.plusDays(2)).id();
        Activity notLed = fixtures.activity(DEMO_RECOVERY, "Skien", "Ikke min " + tag, true, TODAY.minusMonths(1), null,
                List.of());
        fixtures.session(DEMO_RECOVERY, notLed.id(), TODAY.plusDays(1));

        String page = page(accounts.loadUserByUsername(volunteer.email()));
        assertThat(page).contains("Mine grupper", "href=\"/activities/" + led.id() + "\"", "href=\"/sessions/" + next + "\"")
                .doesNotContain("Ikke min " + tag, "Mine oppgaver");
        // and the roll call it leads to opens for them
        mvc.perform(get("/sessions/" + next).with(user(accounts.loadUserByUsername(volunteer.email()))))
                .andExpect(status().isOk());
    }

    @Test
    void aReportReaderKeepsTheShortcutsAndAParticipantGoesToMinSide() throws Exception {
        String page = page(accounts.loadUserByUsername("styret@demo.tilfrisk.no"));
        assertThat(page).contains("href=\"/reports/annual\"").doesNotContain("id=\"today\"", "Mine oppgaver");
        mvc.perform(get("/").with(user(accounts.loadUserByUsername("deltaker@demo.tilfrisk.no"))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/min-side"));
    }

    @Test
    void tasksThatAroseSinceTheLastSittingAreMarkedNewUntilTheNextSitting() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        var account = testAccounts.create(DEMO_RECOVERY, Role.STAFF,
                Set.of(People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id())));
        UserDetails staff = accounts.loadUserByUsername(account.email());
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Ny oppgave " + tag);
        // the first visit ever: nothing is marked
        assertThat(page(staff)).doesNotContain("badge-new");

        // an hour later, a follow-up logged since: «Ny», and still on a second look in the same sitting
        shiftVisits(account.id(), "1 hour");
        UUID contact = UUID.randomUUID();
        mvc.perform(post("/persons/" + person + "/contacts").with(user(staff)).with(csrf()).param("formId", contact.toString())
                        .param("date", TODAY.toString()).param("time", "10:30").param("type", "PHONE")
                        .param("followUpOn", TODAY.plusDays(1).toString()))
                .andExpect(status().is3xxRedirection());
        String first = page(staff);
        assertThat(newBadgeBefore(first, "Følg opp Ny oppgave " + tag)).isTrue();
        assertThat(newBadgeBefore(page(staff), "Følg opp Ny oppgave " + tag)).isTrue();

        // a later sitting, whose visit before came after the follow-up was logged: no longer new
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        UPDATE start_page_visit SET last_visit_at = now(),
                               previous_visit_at = (SELECT created_at + interval '1 millisecond' FROM contact WHERE id = ?)
                         WHERE user_id = ?""").params(contact, account.id()).update()));
        String later = page(staff);
        assertThat(later).contains("Følg opp Ny oppgave " + tag);
        assertThat(newBadgeBefore(later, "Følg opp Ny oppgave " + tag)).isFalse();
    }

    /** Whether the task's row shows «Ny». */
    private static boolean newBadgeBefore(String page, String task) {
        int at = page.indexOf(task);
        assertThat(at).as(task + " on the page").isPositive();
        return page.substring(page.lastIndexOf("<li", at), at).contains("badge-new");
    }

    /** As if the user's visits were this long ago. */
    private void shiftVisits(UUID user, String interval) {
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        UPDATE start_page_visit SET last_visit_at = last_visit_at - CAST(? AS interval),
                               previous_visit_at = previous_visit_at - CAST(? AS interval) WHERE user_id = ?""")
                .params(interval, interval, user).update()));
    }

    private String page(UserDetails who) throws Exception {
        return mvc.perform(get("/").with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

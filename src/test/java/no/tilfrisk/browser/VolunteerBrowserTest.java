package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.volunteer.VolunteerFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The volunteer's pages on a 360 px phone: Frida Frivillig signs in, finds Dag under «Mine deltakere», logs a
 * meeting (an impossible number of hours first: the message, nothing saved), and opens the roll call of the
 * outdoor group she leads; then a coordinator proposes a suggested volunteer for a waiting participant. axe-core on
 * every page, and no sideways scrolling.
 */
class VolunteerBrowserTest extends ChromiumTest {

    @Autowired
    VolunteerFixtures volunteers;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(email);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Hei");
    }

    @Test
    void theVolunteerSeesTheirParticipantLogsAMeetingAndOpensTheRollCall() {
        LocalDate today = LocalDate.now(Dates.OSLO);
        UUID outdoors = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM activity WHERE name = 'Friluftsgruppe'").query(UUID.class).single()));
        activities.session(Demo.DEMO_RECOVERY, outdoors, today);

        signIn("frivillig@demo.tilfrisk.no");
        assertThat(page.locator("section[aria-labelledby=start-my-participants]")).containsText("Dag");
        assertFitsAndAccessible("the volunteer's start page");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alt om deg som frivillig")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mine deltakere").setLevel(1))).isVisible();
        Locator participants = page.locator("section[aria-labelledby=my-participants]");
        assertThat(participants).containsText("Dag");
        assertThat(page.locator("section[aria-labelledby=my-groups]")).containsText("Friluftsgruppe");
        assertThat(page.locator("section[aria-labelledby=my-screening]")).containsText("Alt er i orden.");
        assertFitsAndAccessible("my participants");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-volunteer.png")));

        participants.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dag").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dag").setLevel(1))).isVisible();
        int before = page.locator("section[aria-labelledby=my-meetings] li").count();
        page.getByLabel("Timer").fill("25");
        page.getByLabel("Tur", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre møtet")).click();
        assertThat(page.locator(".error-summary")).containsText("Timer må være mer enn 0 og høyst 24.");
        assertThat(page.locator("#hours-error")).containsText("Timer må være mer enn 0 og høyst 24.");
        assertThat(page.locator("section[aria-labelledby=my-meetings] li")).hasCount(before);
        assertFitsAndAccessible("the meeting form with an error");

        page.getByLabel("Timer").fill("1,5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre møtet")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Møtet er lagret. Takk!");
        assertThat(page.locator("section[aria-labelledby=my-meetings] li")).hasCount(before + 1);
        assertFitsAndAccessible("the participant after logging a meeting");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-volunteer-meeting.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilbake").setExact(true)).click();
        page.locator("section[aria-labelledby=my-groups]").getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("#rollcall-total")).isVisible();
        assertFitsAndAccessible("the roll call the volunteer takes");
    }

    @Test
    void aCoordinatorProposesASuggestedVolunteer() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        LocalDate today = LocalDate.now(Dates.OSLO);
        UUID volunteer = volunteers.volunteer(Demo.DEMO_RECOVERY, "Skien", "Vilde Velvillig " + tag, today.minusDays(10));
        UUID waiting = volunteers.participant(Demo.DEMO_RECOVERY, "Skien", "Wenche Venter " + tag, true);

        signIn("koordinator@demo.tilfrisk.no");
        page.navigate(url("/volunteers"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Frivillige").setLevel(1))).isVisible();
        assertThat(page.locator("table")).containsText("Vilde Velvillig " + tag);
        assertFitsAndAccessible("the volunteers list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Venter på frivillig")).first().click();
        assertThat(page.locator("table")).containsText("Wenche Venter " + tag);
        assertFitsAndAccessible("the participants waiting");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forslag til frivillig for Wenche Venter " + tag)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Wenche Venter " + tag);
        assertFitsAndAccessible("the suggestions");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-suggestions.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Foreslå Vilde Velvillig " + tag)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Forslaget er registrert.");
        assertThat(page.locator("dl.facts")).containsText("Foreslått");
        assertFitsAndAccessible("the proposed match");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Wenche Venter " + tag + " og Vilde Velvillig " + tag);
        assertThat(page.locator("main")).not().containsText(volunteer.toString());
        assertThat(page.locator("main")).not().containsText(waiting.toString());
    }
}

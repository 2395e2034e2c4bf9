package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;

/**
 * The demo participant on a 360 px phone answers WHO-5 on «Mine målinger», one question per screen with the
 * progress shown, stops half-way and goes on, sends it in and sees today's point on the trend. axe-core on every
 * page visited, and no sideways scrolling.
 */
class OutcomeBrowserTest extends ChromiumTest {

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void theDemoParticipantAnswersWho5AndSeesTheNewPointOnTheTrend() {
        String today = LocalDate.now(Dates.OSLO).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill("deltaker@demo.tilfrisk.no");
        page.getByLabel("Passord").fill("tilfrisk-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        followMenuLink("Mine målinger");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mine målinger").setLevel(1))).isVisible();
        assertThat(page.locator("section.trend").first()).isVisible();
        assertFitsAndAccessible("«Mine målinger»");

        // the form is due: its button stands first, under «Nå er det tid for»
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Svar på WHO-5 trivselsindeks")).first().click();
        assertThat(page.locator(".progress-text")).hasText("Spørsmål 1 av 5");
        // «Next» without an answer: the error on top and next to the question
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neste")).click();
        assertThat(page.locator(".error-summary")).containsText("Velg et svar");
        assertFitsAndAccessible("a question with an error");
        String[] answers = {"Mesteparten av tiden (4)", "Hele tiden (5)", "Mer enn halvparten av tiden (3)"};
        for (int i = 0; i < answers.length; i++) {
            page.getByLabel(answers[i]).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neste")).click();
            assertThat(page.locator(".progress-text")).hasText("Spørsmål " + (i + 2) + " av 5");
        }
        assertFitsAndAccessible("a question on a phone");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-outcome-question.png")));

        // stop and come back: it goes on at question 4
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stopp her og fortsett senere")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fortsett på WHO-5 trivselsindeks (3 av 5 besvart)")).click();
        assertThat(page.locator(".progress-text")).hasText("Spørsmål 4 av 5");
        page.getByLabel("Mesteparten av tiden (4)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neste")).click();
        page.getByLabel("Hele tiden (5)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neste")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Se over svarene"))).isVisible();
        assertFitsAndAccessible("the summary");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send inn")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Takk! Svarene er lagret.");
        // 4 + 5 + 3 + 4 + 5 = 21; × 4 = 84, today, as the latest row of the WHO-5 trend and a point on its chart
        var who5 = page.locator("section.trend").filter(new Locator.FilterOptions()
                .setHasText("WHO-5 trivselsindeks"));
        assertThat(who5.locator("tbody tr").first()).containsText(today);
        assertThat(who5.locator("tbody tr").first()).containsText("84");
        assertThat(who5.locator("svg circle.point title").last()).hasText(today + ": 84");
        assertFitsAndAccessible("«Mine målinger» with the new point");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-outcome-trend.png")));
    }
}

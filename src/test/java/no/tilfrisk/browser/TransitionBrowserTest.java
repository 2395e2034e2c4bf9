package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A transition on a 360 px phone: the coordinator opens a person, starts a new transition (an expected date in the
 * past first: the message on its field, nothing saved), saves it, ticks two checklist items in place, and finds it
 * in the list of coming transitions; then Dag opens «Når du flytter ut» on Min side. axe-core on every page, and no
 * sideways scrolling.
 */
class TransitionBrowserTest extends ChromiumTest {

    @Autowired
    People people;

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
    void staffCreateATransitionAndTickItemsOnAPhone() {
        String name = "Overgang " + UUID.randomUUID().toString().substring(0, 5);
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", name);
        LocalDate today = LocalDate.now(Dates.OSLO);

        signIn("koordinator@demo.tilfrisk.no");
        page.navigate(url("/persons/" + person));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny overgang")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        assertFitsAndAccessible("the new transition form");

        page.getByLabel("Type overgang").selectOption(new SelectOption().setLabel("Løslatelse fra fengsel"));
        page.getByLabel("Forventet dato").fill(today.minusDays(3).toString());
        page.getByLabel("Kommunen personen flytter til").fill("Skien");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator("#expectedOn-error")).containsText("Forventet dato kan ikke være før i dag.");
        assertThat(page.locator(".error-summary")).isVisible();
        assertFitsAndAccessible("the form with an error");

        page.getByLabel("Forventet dato").fill(today.plusDays(35).toString());
        page.getByLabel("Det viktigste for personen, med egne ord").fill("Et sted å bo fra første dag.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        assertThat(page.locator("dl.facts")).containsText("Løslatelse fra fengsel");
        assertThat(page.locator("#checklist-heading + p")).containsText("0 av 9 på plass");
        assertFitsAndAccessible("the new transition");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merk som på plass: Fastlege")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merk som på plass: Medisiner og resepter")).click();
        assertThat(page.locator("#checklist-heading + p")).containsText("2 av 9 på plass");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merk som på plass: Fastlege"))).hasCount(0);
        assertFitsAndAccessible("the checklist with two items in place");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-transition.png")));

        page.navigate(url("/transitions"));
        assertThat(page.locator("table")).containsText(name);
        assertFitsAndAccessible("the coming transitions");
    }

    @Test
    void theParticipantSeesTheirTransitionInPlainWords() {
        signIn("deltaker@demo.tilfrisk.no");
        page.navigate(url("/min-side"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Når du flytter ut")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Når du flytter ut");
        assertThat(page.locator("main")).containsText("Du skrives ut fra behandling");
        assertThat(page.locator("main")).containsText("Et sted å bo");
        assertFitsAndAccessible("the participant's transition");
    }
}

package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonDirectory;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo participant on «Min side» on a 360 px phone: signs in, marks one of his actions done, proposes a goal,
 * signs up for a coming session, and opens «who has seen my data», where the staff member who just read his page
 * shows by name. axe-core on every page visited, and no sideways scrolling.
 */
class PortalBrowserTest extends ChromiumTest {

    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts users;
    @Autowired
    PersonDirectory persons;

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void theParticipantUsesMinSideOnAPhone() {
        TilfriskUser dag = (TilfriskUser) accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        TilfriskUser staff = (TilfriskUser) accounts.loadUserByUsername(Demo.STAFF);
        UUID dagsPerson = People.as(dag, () -> users.personOf(dag.userId()).orElseThrow());
        People.as(staff, () -> persons.get(dagsPerson));

        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill("deltaker@demo.tilfrisk.no");
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hei, Dag Deltaker"))).isVisible();
        assertThat(page.locator(".plan-summary")).containsText("Bolig");
        assertFitsAndAccessible("Min side");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-min-side.png")));

        page.locator(".portal-links").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Min plan")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Min plan").setExact(true))).isVisible();
        assertFitsAndAccessible("Min plan");
        Locator doneButtons = page.locator("button", new Page.LocatorOptions().setHasText("Jeg har gjort dette"));
        int openBefore = doneButtons.count();
        Assertions.assertThat(openBefore).as("the demo plan has open actions of his own").isPositive();
        doneButtons.last().click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Flott!");
        assertThat(doneButtons).hasCount(openBefore - 1);
        assertFitsAndAccessible("Min plan after marking an action done");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Foreslå et nytt mål")).click();
        assertFitsAndAccessible("proposing a goal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send forslaget")).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertFitsAndAccessible("a proposal with errors");
        page.getByLabel("Hva gjelder det?").selectOption("NETWORK");
        String goal = "Bli med i et kor " + UUID.randomUUID().toString().substring(0, 4);
        page.getByLabel("Målet med dine egne ord").fill(goal);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send forslaget")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Forslaget er sendt.");
        assertThat(page.locator("main")).containsText(goal);
        assertThat(page.locator("main")).containsText("Venter på svar");

        page.navigate(url("/min-side/aktiviteter"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Aktiviteter").setExact(true))).isVisible();
        assertFitsAndAccessible("coming sessions");
        Locator firstOpen = page.locator(".portal-sessions li").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Jeg kommer").setExact(true)))).first();
        String sessionId = firstOpen.getAttribute("id");
        firstOpen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Jeg kommer").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Du er påmeldt.");
        assertThat(page.locator("#" + sessionId)).containsText("Påmeldt");
        page.locator("#" + sessionId).getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Du er meldt av.");

        page.navigate(url("/min-side"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hvem har sett opplysningene mine?")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hvem har sett opplysningene mine?"))).isVisible();
        assertThat(page.locator("main")).containsText("Anders Ansatt");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Last ned opplysningene mine (FHIR, JSON)"))).isVisible();
        assertFitsAndAccessible("who has seen my data");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-innsyn.png")));
    }
}

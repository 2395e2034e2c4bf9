package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact log in the system's Chromium on a 360 px phone, as {@link BrowserTest} sets it up (and sharing its
 * application): a guide logs a 1-1 talk with a follow-up date, sees it on «Mine oppgaver», opens it and marks it
 * done; then the contact list, the tally page and the person's export. axe-core on every page visited, and no sideways
 * scrolling.
 */
class FollowupBrowserTest extends ChromiumTest {

    @Autowired
    People people;

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void aGuideLogsAOneToOneTalkWithAFollowUpAndFindsItOnTheirTasks() {
        String name = "Tove " + UUID.randomUUID().toString().substring(0, 5);
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", name);
        LocalDate followUp = LocalDate.now(Dates.OSLO).plusDays(2);

        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(Demo.STAFF);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mine oppgaver"))).isVisible();
        assertFitsAndAccessible("start page with tasks");

        page.navigate(url("/persons/" + person));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se kontakter og logg en ny")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontakter med " + name))).isVisible();
        assertThat(page.locator("table")).containsText("Ingen kontakter er logget ennå.");
        assertFitsAndAccessible("the person's contacts");

        // no type chosen: the error is on top and next to the field
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg kontakten")).click();
        assertThat(page.locator(".error-summary")).containsText("Velg type kontakt.");
        assertThat(page.locator("#type-error")).containsText("Velg type kontakt.");
        assertFitsAndAccessible("the contact form with an error");

        page.getByLabel("Type kontakt").selectOption("ONE_TO_ONE");
        page.getByLabel("Varighet i minutter (valgfritt)").fill("45");
        page.getByLabel("Kort notat").fill("Snakket om ukeplanen og om å begynne i friluftsgruppa.");
        page.getByLabel("Neste oppfølging (dato)").fill(followUp.toString());
        assertThat(page.getByLabel("Anders Ansatt")).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg kontakten")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Kontakten er logget.");
        assertThat(page.locator("table")).containsText("1-1-samtale");
        assertThat(page.locator("table")).containsText(followUp.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertFitsAndAccessible("the person's contacts after logging");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-person-contacts.png")));

        followMenuLink("Start");
        Locator task = page.locator("ul.tasks li").filter(new Locator.FilterOptions().setHasText("Følg opp " + name));
        assertThat(task).hasCount(1);
        assertThat(task).containsText(followUp.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(task).not().containsText("Forfalt");
        assertFitsAndAccessible("«Mine oppgaver» with the new follow-up");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-mine-oppgaver.png")));

        task.getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontakt med " + name))).isVisible();
        assertThat(page.locator("dl.facts")).containsText("Snakket om ukeplanen");
        assertFitsAndAccessible("the contact");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-contact.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Marker oppfølgingen som utført")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Oppfølgingen er markert som utført.");
        page.navigate(url("/"));
        assertThat(page.locator("main")).not().containsText("Følg opp " + name);

        page.navigate(url("/contacts?person=" + person));
        assertThat(page.locator("table")).containsText("1-1-samtale");
        assertFitsAndAccessible("the contact list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opptellinger (bare antall)")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Opptellinger i Skien"))).isVisible();
        page.getByLabel("Antall").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer opptellingen")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Opptellingen er registrert.");
        assertFitsAndAccessible("the tally page");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-tallies.png")));

        // the person's export, to read or print: the talk is there with its note
        page.navigate(url("/persons/" + person + "/export/print"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontakter"))).isVisible();
        assertThat(page.locator("main")).containsText("Snakket om ukeplanen");
        assertFitsAndAccessible("the export");
    }

}

package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;

/**
 * The collaboration register in the system's Chromium on a 360 px phone: the coordinator opens this year's
 * register from the menu, registers a seminar (first without its title, then right), sees it in the year's list
 * and deletes it. axe-core on every page visited, and no sideways scrolling.
 */
class CollaborationBrowserTest extends ChromiumTest {

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void aCoordinatorRegistersASeminarAndFindsItInTheYearsRegister() {
        String title = "Seminar om tilfriskning " + UUID.randomUUID().toString().substring(0, 5);
        int year = LocalDate.now(Dates.OSLO).getYear();

        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill("koordinator@demo.tilfrisk.no");
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        followMenuLink("Samarbeid");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Samarbeid og styring " + year))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Styremøter"))).isVisible();
        assertFitsAndAccessible("this year's register");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrer et seminar")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Registrer et seminar"))).isVisible();
        page.getByLabel("Antall deltakere").fill("104");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.locator(".error-summary")).containsText("Skriv inn tittelen på seminaret.");
        assertThat(page.locator("#title-error")).containsText("Skriv inn tittelen på seminaret.");
        assertFitsAndAccessible("the seminar form with an error");

        page.getByLabel("Tittel").fill(title);
        page.getByLabel("I samarbeid med").fill("TSB, Blå Kors");
        page.getByLabel("Avdeling").selectOption(new SelectOption().setLabel("Skien"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endringene er lagret.");
        Locator row = page.locator("tr").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("TSB, Blå Kors");
        assertThat(row).containsText("104");
        assertThat(row).containsText("Skien");
        assertFitsAndAccessible("the register with the new seminar");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Slett")).click();
        // deleting asks first, on a page of its own
        assertThat(page.locator("main")).containsText("Vil du slette «" + title + "» fra samarbeidsregisteret?");
        assertFitsAndAccessible("the question before deleting a record");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Slett")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Slettet.");
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText(title))).hasCount(0);
    }
}

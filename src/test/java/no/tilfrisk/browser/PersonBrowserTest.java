package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import no.tilfrisk.Demo;
import org.junit.jupiter.api.Test;

/**
 * The person page on a 360 px phone, as {@link BrowserTest} sets it up (and sharing its application): a guide
 * registers a person with two consents, finds the summary at the top with the consents as chips, jumps to the
 * consents by the row of links, gives one more from the checklist (the ones given are not offered), sees an error
 * when nothing is ticked, and opens «Logg kontakt» from the quick actions and from the top of the contact list. axe-core and no sideways scrolling on each.
 */
class PersonBrowserTest extends ChromiumTest {

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void aGuideRegistersWithConsentsAndWorksFromTheSummaryOnAPhone() {
        String name = "Siri " + UUID.randomUUID().toString().substring(0, 5);
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(Demo.STAFF);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();

        page.navigate(url("/persons/new"));
        page.getByLabel("Visningsnavn (kallenavn holder)").fill(name);
        page.getByLabel("Rolle").selectOption("PARTICIPANT");
        page.getByLabel("Avdeling").selectOption(new SelectOption().setLabel("Skien"));
        page.getByLabel("Registrering").check();
        page.getByLabel("Bruk i statistikk").check();
        // no way of giving chosen: the message is at the field, and what was ticked stays ticked
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer").setExact(true)).click();
        assertThat(page.locator("#consentMethod-error")).containsText("Velg hvordan samtykket ble gitt.");
        assertThat(page.getByLabel("Bruk i statistikk")).isChecked();
        assertFitsAndAccessible("registration with a consent error");
        page.getByLabel("Skriftlig (signert)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        Locator summary = page.locator("section.person-summary");
        assertThat(summary.locator("ul.chips li")).hasText(new String[] {"Registrering", "Bruk i statistikk"});
        assertThat(summary).containsText("Ingen avtalt");
        assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Logg kontakt"))).isVisible();
        assertFitsAndAccessible("person page with the summary");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-person-summary.png")));

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Innhold på siden"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Samtykker")).click();
        assertThat(page).hasURL(Pattern.compile(".*#consents$"));
        Locator consents = page.locator("#consents-section");
        assertThat(consents.getByLabel("Registrering", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);
        assertThat(consents.getByLabel("Bilder")).hasCount(1);

        consents.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrer samtykke")).click();
        assertThat(page.locator(".error-summary")).containsText("Kryss av minst ett formål.");
        assertFitsAndAccessible("consent checklist with errors");

        page.locator("#consents-section").getByLabel("Bilder").check();
        page.locator("#consents-section").getByLabel("Muntlig").check();
        page.locator("#consents-section").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Registrer samtykke")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Samtykket er registrert.");
        assertThat(page.locator("section.person-summary ul.chips li"))
                .hasText(new String[] {"Registrering", "Bruk i statistikk", "Bilder"});
        assertThat(page.locator("#consents-section").getByLabel("Bilder", new Locator.GetByLabelOptions().setExact(true))).hasCount(0);
        assertFitsAndAccessible("person page after a consent");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-person-page.png")));

        page.locator("section.person-summary").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Logg kontakt")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontakter med " + name))).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*#log-contact$"));
        assertThat(page.getByLabel("Type kontakt")).isVisible();

        // «Logg kontakt» at the top of the contact list: find the person, then their form
        page.navigate(url("/contacts"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logg kontakt").setExact(true)).click();
        page.getByLabel("Navn, telefon eller e-post").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finn")).click();
        assertFitsAndAccessible("finding the person to log a contact with");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kontakter med " + name))).isVisible();
    }
}

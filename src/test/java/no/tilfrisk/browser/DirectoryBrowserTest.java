package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import no.tilfrisk.TestClock;
import no.tilfrisk.directory.DirectoryTestOffers;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An anonymous visitor on a 360 px phone, a Tuesday at 19:30, finds a free, low-threshold offer open now in
 * their area: types as the search answers, ticks «Åpent nå», «Lavterskel» and «Gratis», picks the area, and
 * opens the offer. No sign-in anywhere; axe-core clean on the search and the offer.
 */
class DirectoryBrowserTest extends ChromiumTest {

    @Autowired
    DirectoryTestOffers offers;
    @Autowired
    TestClock.SettableClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    @Test
    void anAnonymousVisitorOnAPhoneFindsAFreeLowThresholdOfferOpenNow() {
        String word = offers.create();
        clock.standAt(ZonedDateTime.of(LocalDateTime.parse("2026-12-08T19:30"), Dates.OSLO));
        page.setViewportSize(360, 740);
        page.navigate(url("/tilbud"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rett hjelp til rett tid"))).isVisible();
        assertFitsAndAccessible("the directory's search on a phone, anonymous");

        page.getByLabel("Søk", new Page.GetByLabelOptions().setExact(true)).pressSequentially(word,
                new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        // as you type: all three of the word's offers, before any button
        assertThat(page.locator("#results")).containsText("Nattåpent " + word);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Åpent nå")).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Lavterskel")).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Gratis")).check();
        page.getByLabel("Område").selectOption("Gamle Oslo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis tilbud")).click();

        assertThat(page.locator("#results")).containsText("1 tilbud");
        assertThat(page.locator("#results")).containsText("Dagsenter " + word);
        assertThat(page.locator("#results")).not().containsText("Helgekafé " + word);
        assertThat(page.locator("#results")).not().containsText("Nattåpent " + word);
        assertFitsAndAccessible("the directory's hits on a phone");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/directory-hits.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dagsenter " + word)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dagsenter " + word))).isVisible();
        assertThat(page.locator("main")).containsText("Åpent nå");
        assertThat(page.locator("main")).containsText("Lavterskel");
        assertThat(page.locator("main")).not().containsText("Logg ut");
        assertFitsAndAccessible("an offer's page on a phone, anonymous");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/directory-offer.png")).setFullPage(true));
    }
}

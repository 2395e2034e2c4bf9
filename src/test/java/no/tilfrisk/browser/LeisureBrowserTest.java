package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.leisure.LeisureFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fritid med bistand on a 360 px phone: a staff member begins a participant's process and takes the first four
 * steps (trying step 3 before step 2 first: the message, nothing saved), choosing a club of the catalogue at step 4;
 * then Dag, the demo participant, answers his check-in on «Min side» (a rating of 11 first: the message). axe-core on
 * every page, and no sideways scrolling.
 */
class LeisureBrowserTest extends ChromiumTest {

    @Autowired
    People people;
    @Autowired
    LeisureFixtures fixtures;

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

    private void step(String step, String note) {
        page.getByLabel("Steg", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(step));
        page.getByLabel("Hvem var med").fill("Deltakeren og Kari");
        page.locator("#note").fill(note);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre steget")).click();
    }

    @Test
    void staffTakeAParticipantThroughTheFirstFourStepsOnAPhone() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "Fritid Fia " + tag;
        people.register(Demo.DEMO_RECOVERY, "Skien", name);
        String club = "Skien Fotoklubb";

        signIn(Demo.STAFF);
        followMenuLink("Fritid");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fritid med bistand").setLevel(1))).isVisible();
        assertFitsAndAccessible("the leisure overview");
        page.getByLabel("Finn deltakeren").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Søk").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start prosess for " + name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(name);
        assertFitsAndAccessible("a new process");

        step("1. Informasjonsmøte", "Gikk gjennom metoden.");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endringene er lagret.");
        // step 3 before step 2: the message, nothing saved
        step("3. Kartlegging av fritidsaktiviteter der personen bor", "For tidlig.");
        assertThat(page.locator(".error-summary")).containsText("Steg 2 må tas eller hoppes over med en grunn først.");
        assertThat(page.locator("#steps ol.steps")).not().containsText("For tidlig.");
        assertFitsAndAccessible("the step form with an error");

        step("2. Kartlegging av ønsker og drømmer", "Drømmer om å fotografere.");
        step("3. Kartlegging av fritidsaktiviteter der personen bor", "Så på katalogen sammen.");
        page.getByLabel("Valgt aktivitet (steg 4)").selectOption(new SelectOption().setLabel(club + " (Skien)"));
        step("4. Valg av aktivitet", "Valgte fotoklubben selv.");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endringene er lagret.");
        assertThat(page.locator("dl.facts")).containsText(club);
        assertThat(page.locator("dl.facts")).containsText("4. Valg av aktivitet");
        assertFitsAndAccessible("the process at step 4");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-leisure-process.png")));

        // the demo participant's process: the decision's 30-day warning and the check-in's questions
        page.navigate(url("/leisure"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dag").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Vedtaket går ut innen 30 dager.");
        assertThat(page.locator("#check-ins")).containsText("Er du fortsatt med i aktiviteten?");
        assertFitsAndAccessible("a process in its follow-up");

        page.navigate(url("/leisure/clubs"));
        assertFitsAndAccessible("the catalogue");
        page.navigate(url("/leisure/equipment"));
        assertThat(page.locator("main")).containsText("Forfalt");
        assertFitsAndAccessible("equipment and loans");
    }

    @Test
    void theParticipantAnswersTheCheckInOnTheirPhone() {
        signIn("deltaker@demo.tilfrisk.no");
        followMenuLink("Fritid");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Din fritidsaktivitet"))).isVisible();
        assertThat(page.locator("dl.facts")).containsText("Kjell");
        assertThat(page.locator("dl.facts")).not().containsText("Turvenn");
        assertFitsAndAccessible("«Min side»'s leisure page");
        page.getByLabel("Hvordan går det, fra 0 (svært dårlig) til 10 (svært bra)?").fill("11");
        page.locator("#still-yes-WEEK_2").check();
        page.locator("#role-no-WEEK_2").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre svaret")).click();
        assertThat(page.locator(".error-summary")).containsText("Tallet må være fra 0 til 10.");
        assertFitsAndAccessible("the check-in with an error");
        page.getByLabel("Hvordan går det, fra 0 (svært dårlig) til 10 (svært bra)?").fill("7");
        page.locator("#still-yes-WEEK_2").check();
        page.locator("#role-no-WEEK_2").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre svaret")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Takk for svaret!");
        assertThat(page.locator("main")).containsText("Vurdering 7 av 10");
        assertFitsAndAccessible("the check-in answered");
    }
}

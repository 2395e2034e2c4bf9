package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.account.Role;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real UI in the system's Chromium: sign in, create a department, switch to English, on a desktop and a
 * 360 px phone, with axe-core on each page. Skipped, with a message, where Chromium is not installed.
 */
class BrowserTest extends ChromiumTest {

    @Autowired
    TestAccounts testAccounts;
    @Autowired
    People people;

    @Test
    void theAdminSignsInCreatesADepartmentAndSwitchesToEnglish() {
        page.navigate(url("/login"));
        // Norwegian first, whatever the browser's own language
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Logg inn i Tilfrisk"))).isVisible();
        assertAccessible("login");

        page.getByLabel("E-postadresse").fill(Demo.ADMIN);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hei, Ada Admin"))).isVisible();
        assertAccessible("dashboard");

        followMenuLink("Avdelinger");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opprett avdeling")).click();
        assertThat(page.locator(".error-summary")).containsText("Skriv inn et navn på avdelingen.");
        assertAccessible("departments with errors");

        String name = "Notodden " + UUID.randomUUID().toString().substring(0, 6);
        page.getByLabel("Navn").fill(name);
        page.getByLabel("Kommune").fill("Notodden");
        page.getByLabel("Startdato").fill("2024-02-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opprett avdeling")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(name);
        assertThat(page.getByRole(AriaRole.TABLE)).containsText(name);
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("01.02.2024");
        assertAccessible("departments");

        openAccountMenu();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Departments").setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("1 Feb 2024");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertAccessible("departments in English");
    }

    @Test
    void staffRegisterAPersonSeeTheDuplicateWarningAndRecordAConsent() {
        signIn(Demo.STAFF);
        followMenuLink("Personer");
        assertAccessible("person list");
        // eight hex digits, of which the search below types five: other tests' «Kari» must not match it
        String name = "Kari " + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 0; attempt < 2; attempt++) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrer person")).click();
            page.getByLabel("Visningsnavn (kallenavn holder)").fill(name);
            page.getByLabel("Fødselsår").fill("1979");
            page.getByLabel("Rolle").selectOption("PARTICIPANT");
            page.getByLabel("Avdeling").selectOption(new SelectOption().setLabel("Skien"));
            if (attempt == 0) {
                assertAccessible("registration form");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer")).click();
            if (attempt == 0) {
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilbake til personer")).click();
            }
        }
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Finnes personen allerede?");
        assertAccessible("duplicate warning");
        page.getByLabel("Det er en annen person. Registrer likevel.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();

        page.getByLabel("Kontakt på SMS").check();
        page.getByLabel("Skriftlig (signert)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrer samtykke")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Samtykket er registrert.");
        assertThat(page.locator("#consents-section table")).containsText("Kontakt på SMS");
        assertAccessible("person page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/person-page.png")).setFullPage(true));

        page.navigate(url("/persons"));
        page.getByLabel("Søk").pressSequentially(name.substring(0, 10), new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#results")).containsText("2 personer");
    }

    @Test
    void staffCreateAWeeklyGroupAndTakeTodaysRollCallOnAPhone() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        List<String> names = List.of("Rulle" + tag + " En", "Rulle" + tag + " To", "Rulle" + tag + " Tre");
        names.forEach(n -> people.register(Demo.DEMO_RECOVERY, "Skien", n));
        page.setViewportSize(360, 740);
        signIn(Demo.STAFF);
        followMenuLink("Aktiviteter");
        assertFitsAndAccessible("activity list on a phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny aktivitet")).click();
        // Oslo's date, as the persons' memberships began: the roll call names those who were members on the day
        LocalDate today = LocalDate.now(Dates.OSLO);
        page.getByLabel("Navn").fill("Onsdagsgruppe " + tag);
        page.getByLabel("Type").selectOption(new SelectOption().setLabel("Tematisk gruppe"));
        page.getByLabel("Startdato").fill(today.minusDays(7).toString());
        page.getByLabel("Lavterskel").check();
        assertFitsAndAccessible("new activity form on a phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opprett aktiviteten")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Aktiviteten er opprettet.");

        // weekly on today's weekday, from a week ago to four weeks ahead: today is one of the sessions
        page.getByLabel("Dato", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(7).toString());
        page.getByLabel("Starter").fill("18:00");
        page.getByLabel("Slutter").fill("20:00");
        page.getByLabel("Ukedag").selectOption(today.getDayOfWeek().name());
        page.getByLabel("Siste dato").fill(today.plusWeeks(4).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Legg til økter")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("La til 6 økt(er).");
        assertFitsAndAccessible("activity page on a phone");
        // the sessions to come first, as cards, and the same day on the start page's «I dag»
        assertThat(page.locator("#upcoming-sessions")).containsText("Kommende økter (5)");
        assertThat(page.locator("#past-sessions")).containsText("Tidligere økter (1)");
        String activityPage = page.url();
        page.navigate(url("/"));
        assertThat(page.locator("#today")).isVisible();
        assertFitsAndAccessible("start page with «I dag» on a phone");
        page.navigate(activityPage);

        String day = today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opprop " + day)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Onsdagsgruppe " + tag);
        page.getByLabel("Søk på navn").pressSequentially("Rulle" + tag, new Locator.PressSequentiallyOptions().setDelay(30));
        for (String name : names) {
            Locator button = page.locator("#found").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
            assertThat(button).hasAttribute("aria-pressed", "false");
            button.click();
            assertThat(page.locator("#found").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name)))
                    .hasAttribute("aria-pressed", "true");
        }
        // the head-counts save when a number is left (the steppers are RollCallBrowserTest's)
        Page.GetByLabelOptions exact = new Page.GetByLabelOptions().setExact(true);
        page.getByLabel("Voksne uten navn", exact).fill("4");
        page.getByLabel("Voksne uten navn", exact).press("Tab");
        assertThat(page.locator("#counts")).containsText("Antallet er lagret.");
        page.getByLabel("Barn", exact).fill("2");
        page.getByLabel("Barn", exact).press("Tab");
        assertThat(page.locator("#rollcall-total")).hasText("I alt 9: 3 med navn, 6 uten navn, 0 gjester");
        for (String name : names) {
            assertThat(page.locator("#present-list")).containsText(name);
        }
        assertThat(page.getByLabel("Voksne uten navn", exact)).hasValue("4");
        assertFitsAndAccessible("roll call on a phone");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/roll-call-phone.png")).setFullPage(true));
    }

    @Test
    void staffArchiveAnActivityAfterAQuestionAndUndoItOnAPhone() {
        String name = "Arkivgruppe " + UUID.randomUUID().toString().substring(0, 5);
        page.setViewportSize(360, 740);
        signIn(Demo.STAFF);
        followMenuLink("Aktiviteter");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny aktivitet")).click();
        page.getByLabel("Navn").fill(name);
        page.getByLabel("Type").selectOption(new SelectOption().setLabel("Tematisk gruppe"));
        page.getByLabel("Startdato").fill(LocalDate.now(Dates.OSLO).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opprett aktiviteten")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Aktiviteten er opprettet.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Arkiver aktiviteten")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Er du sikker?"))).isVisible();
        assertThat(page.locator("main")).containsText("Vil du arkivere aktiviteten «" + name + "»?");
        assertFitsAndAccessible("the question before archiving, on a phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nei, gå tilbake")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Arkiver aktiviteten")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Arkiver aktiviteten")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Aktiviteten er arkivert.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Angre – hent aktiviteten fram igjen")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Aktiviteten er hentet fram igjen");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertFitsAndAccessible("an activity brought back, on a phone");
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(email);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Hei");
    }

    @Test
    void pagesWorkOnA360PixelPhone() {
        page.setViewportSize(360, 740);
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(Demo.ADMIN);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        for (String path : List.of("/", "/admin/departments", "/admin/users", "/account/tokens", "/persons",
                "/persons/new", "/admin/audit", "/admin/settings", "/admin/sign-in")) {
            page.navigate(url(path));
            Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("horizontal overflow on " + path).isLessThanOrEqualTo(0);
            assertAccessible(path + " on a phone");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target/screenshots/phone" + path.replace('/', '-') + ".png")));
        }
    }

    @Test
    void aUserTurnsOnTwoStepSignInOnAPhoneAndThenSignsInWithACode() throws Exception {
        var account = testAccounts.create(Demo.DEMO_RECOVERY, Role.STAFF, Set.of());
        page.setViewportSize(360, 740);
        page.navigate(url("/login"));
        signIn(account.email(), account.password());
        openAccountMenu();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Totrinnsinnlogging")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Slå på totrinnsinnlogging"))).isVisible();
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("QR-kode"))).isVisible();
        assertFitsAndAccessible("second factor set-up on a phone");

        String secret = page.locator("code.secret").textContent().replace(" ", "");
        page.getByLabel("Kode").fill("000000".equals(code(secret, 0)) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Slå på totrinnsinnlogging")).click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertFitsAndAccessible("second factor set-up with an error");

        long step = Instant.now().getEpochSecond() / 30;
        page.getByLabel("Kode").fill(code(secret, step));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Slå på totrinnsinnlogging")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Totrinnsinnlogging er slått på.");
        assertThat(page.locator(".recovery-codes li")).hasCount(10);
        assertFitsAndAccessible("recovery codes on a phone");

        openAccountMenu();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).click();
        signIn(account.email(), account.password());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Skriv inn koden fra appen"))).isVisible();
        assertFitsAndAccessible("second factor prompt on a phone");
        page.getByLabel("Kode").fill(code(secret, step + 1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hei, Test STAFF"))).isVisible();
    }

    @Test
    void theSkipLinkLeadsToTheMainContent() {
        page.navigate(url("/login"));
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hopp til hovedinnhold"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
    }

    private void signIn(String email, String password) {
        page.getByLabel("E-postadresse").fill(email);
        page.getByLabel("Passord").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
    }

    private static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
    }

}

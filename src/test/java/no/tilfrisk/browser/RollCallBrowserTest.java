package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityForm;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.SessionForm;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roll call on a 360 px phone answers at once: two taps, and «Til stede» names both and the total counts them,
 * a stepper adds a guest, all without reloading the page (a mark set on the window survives), axe-core clean.
 */
class RollCallBrowserTest extends ChromiumTest {

    @Autowired
    People people;
    @Autowired
    Activities activities;
    @Autowired
    ActivitySessions sessions;

    @Test
    void twoTapsShowBothUnderPresentAndChangeTheTotalWithoutAReload() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        List<String> names = List.of("Tapp" + tag + " En", "Tapp" + tag + " To");
        names.forEach(n -> people.register(Demo.DEMO_RECOVERY, "Skien", n));
        UUID session = todaysSession("Torsdagstreff " + tag);

        page.setViewportSize(360, 740);
        signIn(Demo.STAFF);
        page.navigate(url("/sessions/" + session));
        Locator total = page.locator("#rollcall-total");
        assertThat(total).hasText("I alt 0: 0 med navn, 0 uten navn, 0 gjester");
        assertThat(page.locator("#present")).containsText("Ingen er krysset av ennå.");
        page.evaluate("window.notReloaded = true");

        page.getByLabel("Søk på navn").pressSequentially("Tapp" + tag, new Locator.PressSequentiallyOptions().setDelay(30));
        for (String name : names) {
            page.locator("#found").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name)).click();
            assertThat(page.locator("#present-list")).containsText(name);
        }
        assertThat(page.locator("#found").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(names.get(1))))
                .hasAttribute("aria-pressed", "true");
        assertThat(total).hasText("I alt 2: 2 med navn, 0 uten navn, 0 gjester");
        assertThat(page.locator("#present")).not().containsText("Ingen er krysset av ennå.");

        // head-counts at the top: a stepper, and a number typed and left
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Én mer: Gjester")).click();
        assertThat(page.getByLabel("Gjester", new Page.GetByLabelOptions().setExact(true))).hasValue("1");
        assertThat(total).hasText("I alt 3: 2 med navn, 0 uten navn, 1 gjester");
        page.getByLabel("Barn", new Page.GetByLabelOptions().setExact(true)).fill("2");
        page.getByLabel("Barn", new Page.GetByLabelOptions().setExact(true)).press("Tab");
        assertThat(total).hasText("I alt 5: 2 med navn, 2 uten navn, 1 gjester");

        // unticked under «Til stede»: gone from the list, and from the total
        page.locator("#present-list").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(names.get(0))).click();
        assertThat(page.locator("#present-list")).not().containsText(names.get(0));
        assertThat(total).hasText("I alt 4: 1 med navn, 2 uten navn, 1 gjester");

        assertThat(page.evaluate("window.notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertFitsAndAccessible("roll call after taps on a phone");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/roll-call-taps.png")).setFullPage(true));

        // and what was saved is what a reload shows
        page.reload();
        assertThat(total).hasText("I alt 4: 1 med navn, 2 uten navn, 1 gjester");
        assertThat(page.locator("#present-list")).containsText(names.get(1));
    }

    /**
     * Taps on the steppers as fast as a thumb, none waiting for the answer to the one before (a triple tap, a double
     * tap, and taps on other steppers in between): every tap counts, on the page and as saved. htmx once dropped the
     * taps it had queued when the answer replaced the buttons and forms that queued them, so three taps counted one.
     */
    @Test
    void quickTapsOnTheSteppersAllCount() {
        UUID session = todaysSession("Kveldstreff " + UUID.randomUUID().toString().substring(0, 5));
        page.setViewportSize(360, 740);
        signIn(Demo.STAFF);
        page.navigate(url("/sessions/" + session));
        Locator total = page.locator("#rollcall-total");
        assertThat(total).hasText("I alt 0: 0 med navn, 0 uten navn, 0 gjester");

        more("Gjester").click(new Locator.ClickOptions().setClickCount(3));
        more("Voksne uten navn").click(new Locator.ClickOptions().setClickCount(2));
        more("Barn").click();
        more("Gjester").click(new Locator.ClickOptions().setClickCount(2));

        assertThat(total).hasText("I alt 8: 0 med navn, 3 uten navn, 5 gjester");
        assertThat(count("Voksne uten navn")).hasValue("2");
        assertThat(count("Barn")).hasValue("1");
        assertThat(count("Gjester")).hasValue("5");
        assertFitsAndAccessible("roll call after quick taps on the steppers");

        page.reload();
        assertThat(total).hasText("I alt 8: 0 med navn, 3 uten navn, 5 gjester");
        assertThat(count("Gjester")).hasValue("5");
        ActivitySession saved = People.asSystem(Demo.DEMO_RECOVERY, () -> sessions.get(session));
        assertThat(List.of(saved.adults(), saved.children(), saved.guests())).containsExactly(2, 1, 5);
    }

    private Locator more(String field) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Én mer: " + field));
    }

    private Locator count(String field) {
        return page.getByLabel(field, new Page.GetByLabelOptions().setExact(true));
    }

    private UUID todaysSession(String name) {
        LocalDate today = LocalDate.now(Dates.OSLO);
        return People.asSystem(Demo.DEMO_RECOVERY, () -> {
            ActivityForm form = new ActivityForm();
            form.setName(name);
            form.setFormat(ActivityFormat.GROUP);
            form.setKindId(activities.kinds().get(0).id());
            form.setDepartmentId(people.department("Skien").id());
            form.setStartDate(today.minusDays(7));
            form.setLowThreshold(true);
            UUID activity = activities.create(UUID.randomUUID(), form).id();
            SessionForm sitting = new SessionForm();
            sitting.setDate(today);
            sitting.setStartTime(LocalTime.of(18, 0));
            return sessions.addOne(UUID.randomUUID(), activity, sitting).id();
        });
    }

    private void signIn(String email) {
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(email);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Hei");
    }
}

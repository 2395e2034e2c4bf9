package no.tilfrisk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TestClock;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.leisure.LeisureFixtures;
import no.tilfrisk.directory.DirectoryTestOffers;
import no.tilfrisk.project.ProjectFixtures;
import no.tilfrisk.volunteer.VolunteerFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What every browser test shares: the running app on a random port with the demo data, the system's Chromium
 * through Playwright (skipped with a message where it is not installed), a fresh browser context per test, and
 * the axe-core check. Tests start with an English-speaking browser so that Norwegian shows it is the default.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tilfrisk.data-dir=target/test-data",
        "tilfrisk.embedded.clean=true",
        "tilfrisk.demo.enabled=true",
        "tilfrisk.scheduling.enabled=false",
        // a fresh folder per context: checkpoints of an earlier run name rows of a database since wiped
        "tilfrisk.audit.checkpoints.directory=target/test-data/audit-checkpoints/${random.uuid}",
        // the partner systems of the webhook tests are servers on this machine (webhook/WebhookDeliveryTest)
        "tilfrisk.webhooks.allow-loopback=true"
})
@Import({People.class, TestAccounts.class, TestClock.class, ActivityFixtures.class,
        DirectoryTestOffers.class, LeisureFixtures.class, ProjectFixtures.class, VolunteerFixtures.class})
abstract class ChromiumTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("tilfrisk.chromium", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: no Chromium at " + CHROMIUM
                + ". Install it with 'apt-get install chromium' (.ci/run does), or set -Dtilfrisk.chromium=PATH.");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The browser context of each test; a subclass may open it otherwise (a phone-sized window, say). */
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setLocale("en-US");
    }

    @BeforeEach
    void open() {
        context = browser.newContext(contextOptions());
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    void assertFitsAndAccessible(String where) {
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal overflow on " + where).isLessThanOrEqualTo(0);
        assertAccessible(where);
    }

    void assertAccessible(String where) {
        List<Rule> serious = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(serious).as("serious or critical axe-core violations on " + where + ": "
                + serious.stream().map(v -> v.getId() + " " + v.getNodes().size()).toList()).isEmpty();
    }

    /**
     * Follows a link of the main menu: on a phone the menu is a closed «Meny» disclosure, so it is opened first.
     */
    void followMenuLink(String name) {
        Locator menu = page.locator("nav.menu:visible");
        Locator disclosure = menu.locator("details.disclosure:not([open]) > summary");
        if (disclosure.count() > 0) {
            disclosure.click();
        }
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /** Opens the account menu (API keys, second factor, language, sign out) in the header. */
    void openAccountMenu() {
        Locator closed = page.locator("nav.account details:not([open]) > summary");
        if (closed.count() > 0) {
            closed.click();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}

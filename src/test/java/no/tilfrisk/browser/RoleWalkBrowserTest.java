package no.tilfrisk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tilfrisk.Demo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every demo role's pages on a 360 px phone, in Norwegian and in English (issue 15, items 6 and 8): from the
 * start page it follows every same-origin link of the menus and of the pages it reaches, one page per path pattern
 * (ids become {@code {id}}), up to {@link #PAGES_PER_WALK} pages. It fails on a page wider than the screen, a link
 * that answers 403 or 404, any 5xx, and a serious or critical axe-core finding, and lists them all at once.
 * Downloads, feeds, sign-out and the language switch are left out. axe-core checks each page pattern once per
 * language; {@code -Dtilfrisk.walk.accounts=a,b} walks only those accounts.
 */
class RoleWalkBrowserTest extends ChromiumTest {

    /** Enough for the admin's widest walk (about 60 patterns); a cap keeps the test at a few minutes. */
    private static final int PAGES_PER_WALK = 80;
    private static final Pattern ID = Pattern.compile(
            "/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+|\\d{4}-\\d{2}-\\d{2})(?=/|$)");
    /** Paths that answer a file, a feed or a sign-out rather than a page. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(/logout|/calendar/feed/.*|.*\\.(pdf|csv|xlsx|docx|ics|json|png|svg)|.*/(pdf|docx|xlsx|csv|export)"
            + "|/v3/api-docs.*|/api/.*|/actuator.*)");

    /**
     * The pages axe-core has checked, by language and path pattern: each template is checked once per language,
     * by the first role that reaches it (the admin reaches most). Every role still draws and measures every page
     * it reaches (what a role sees differs: the external annual report, say), but axe-core is the slow part.
     */
    private static final Set<String> AXED = ConcurrentHashMap.newKeySet();
    /** Walks only these accounts (comma-separated) when set: {@code -Dtilfrisk.walk.accounts=styret@demo.tilfrisk.no}. */
    private static final String ONLY = System.getProperty("tilfrisk.walk.accounts", "");

    static Stream<Arguments> walks() {
        return Stream.of(Demo.ADMIN, "koordinator@demo.tilfrisk.no", Demo.STAFF, "frivillig@demo.tilfrisk.no",
                        "deltaker@demo.tilfrisk.no", "styret@demo.tilfrisk.no", Demo.PARTNER, "katalog@demo.tilfrisk.no")
                .filter(account -> ONLY.isBlank() || List.of(ONLY.split(",")).contains(account))
                .flatMap(account -> Stream.of(Arguments.of(account, "nb"), Arguments.of(account, "en")));
    }

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("walks")
    void everyPageOfTheRoleFitsAPhoneAndNoLinkIsRefused(String account, String language) {
        page.setDefaultNavigationTimeout(120_000); // the external annual report takes its time on a busy machine
        page.navigate(url("/login?lang=" + language));
        page.locator("#email").fill(account);
        page.locator("#password").fill(Demo.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));

        Map<String, String> seenFrom = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        seenFrom.put(pattern("/"), "(start)");
        List<String> failures = new ArrayList<>();
        int walked = 0;
        while (!queue.isEmpty() && walked < PAGES_PER_WALK) {
            String target = queue.poll();
            String from = seenFrom.get(pattern(target));
            walked++;
            if (NOT_A_PAGE.matcher(URI.create(target).getPath()).matches() || target.contains("lang=")
                    || target.contains("format=")) {
                continue; // a download, a feed or the language switch: not a page to walk (nor to render a PDF for)
            }
            Response response;
            try {
                response = page.navigate(url(target));
            } catch (PlaywrightException download) {
                check(page.request().get(url(target)).status(), target, from, failures);
                continue;
            }
            if (response == null || !check(response.status(), target, from, failures) || !response.headerValue("content-type").startsWith("text/html")) {
                continue;
            }
            Number wider = (Number) page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (wider.intValue() > 0) {
                failures.add(target + " is " + wider + " px wider than the screen " + widest());
            }
            List<Rule> serious = !AXED.add(language + " " + pattern(target)) ? List.of()
                    : new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
            for (Rule rule : serious) {
                failures.add(target + " axe " + rule.getId() + ": " + rule.getNodes().stream()
                        .limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
            follow(links(), target, seenFrom, queue);
        }
        System.out.printf("role walk %s/%s: %d pages, %d patterns seen, %d not walked%n", account, language, walked,
                seenFrom.size(), queue.size());
        failures.forEach(f -> System.out.println("role walk " + account + "/" + language + " FAILS: " + f));
        assertThat(walked).as("pages walked").isGreaterThan(2);
        assertThat(failures).as(account + " in " + language).isEmpty();
    }

    private static void follow(List<String> links, String from, Map<String, String> seenFrom, Deque<String> queue) {
        for (String link : links) {
            if (seenFrom.putIfAbsent(pattern(link), from) == null) {
                queue.add(link);
            }
        }
    }

    /** False (after noting it) when the status is a refusal, a missing page or a server error. */
    private static boolean check(int status, String target, String from, List<String> failures) {
        if (status == 403 || status == 404 || status >= 500) {
            failures.add(target + " answers " + status + " (linked from " + from + ")");
            return false;
        }
        return status < 400;
    }

    /** The same-origin links of the page as path and query, without anchors, downloads and mail links. */
    private List<String> links() {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evaluate("""
                () => Array.from(document.querySelectorAll('a[href]'))
                    .filter(a => !a.hasAttribute('download') && a.origin === location.origin)
                    .map(a => a.pathname + a.search)""");
        Set<String> unique = new LinkedHashSet<>(hrefs);
        return List.copyOf(unique);
    }

    /** The elements that stick out to the right, to name the culprit in a failure. */
    private String widest() {
        return String.valueOf(page.evaluate("""
                () => { const w = document.documentElement.clientWidth; const out = [];
                  for (const e of document.querySelectorAll('main *')) {
                    const r = e.getBoundingClientRect();
                    const p = e.parentElement.getBoundingClientRect();
                    if (r.right > w + 1 && p.right <= w + 1 && out.length < 4) {
                      const sel = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                      out.push(sel + '→' + Math.round(r.right)); } }
                  return out.join(', '); }"""));
    }

    private static String pattern(String link) {
        return ID.matcher(URI.create(link).getPath()).replaceAll("/{id}");
    }
}

package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.tilfrisk.Demo;
import no.tilfrisk.platform.web.Dates;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The annual report in the system's Chromium: the demo admin opens last year's report, writes the introduction
 * (with a script that must not survive), sees it in the report, and downloads the PDF; axe-core on every page, and
 * the report fits a 360 px phone (its tables scroll inside their own region).
 */
class AnnualReportBrowserTest extends ChromiumTest {

    @Test
    void theAdminOpensLastYearsReportEditsTheIntroductionAndDownloadsThePdf() throws Exception {
        int lastYear = LocalDate.now(Dates.OSLO).getYear() - 1;
        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(Demo.ADMIN);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        followMenuLink("Årsrapport");
        page.getByLabel("År", new Page.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(lastYear));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Årsrapport " + lastYear).setLevel(1)))
                .isVisible();
        assertThat(page.locator("#section-introduction")).containsText("Denne årsrapporten gir en samlet oversikt");
        assertThat(page.locator("#section-followup")).containsText("Logget enkeltvis");
        assertThat(page.locator("#section-results")).containsText("Anslått samfunnsøkonomisk innsparing");
        assertFitsAndAccessible("the annual report");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skriv: 1. Innledning")).click();
        assertThat(page.getByLabel("Tekst")).containsText("Denne årsrapporten");
        assertAccessible("the text page");
        page.getByLabel("Tekst").fill("Et år med **mange** nye møteplasser.<script>document.title='hacket'</script>\n\n- Skien\n- Tønsberg");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Endringene er lagret.");
        assertThat(page.locator("#section-introduction")).containsText("Et år med mange nye møteplasser.");
        assertThat(page.locator("#section-introduction strong")).hasText("mange");
        assertThat(page.locator("#section-introduction li")).hasCount(2);
        assertThat(page.locator("#section-introduction script")).hasCount(0);
        assertThat(page).not().hasTitle("hacket");

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF").setExact(true)).click());
        byte[] pdf = Files.readAllBytes(download.path());
        try (var parsed = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(parsed);
            assertThat(text).contains("Årsrapport " + lastYear, "1. Innledning", "Et år med mange nye møteplasser.",
                    "8. Resultater, effekt og opplevd nytte");
        }

        page.setViewportSize(360, 740);
        assertFitsAndAccessible("the annual report on a phone");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(false).setPath(Path.of("target/screenshots/annual-report.png")));
    }
}

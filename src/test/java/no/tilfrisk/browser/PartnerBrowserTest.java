package no.tilfrisk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.Transitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caseworker of «NAV Skien» on a 360 px phone: signs in, sees the person who consents to share with NAV Skien
 * and not the one who does not, opens the consenting person's transition and updates the checklist item NAV
 * answers for; the other person's page is «not found». axe-core on every page, and no sideways scrolling.
 */
class PartnerBrowserTest extends ChromiumTest {

    private static final UUID NAV_SKIEN = UUID.fromString("00000000-0000-4000-8000-0000000a7001");

    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    Transitions transitions;
    @Autowired
    TransactionTemplate tx;

    @Override
    Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(360, 740);
    }

    @Test
    void theCaseworkerSeesOnlyTheConsentingPersonAndUpdatesTheirItem() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID shared = people.register(Demo.DEMO_RECOVERY, "Skien", "Deler Med Nav " + suffix);
        UUID notShared = people.register(Demo.DEMO_RECOVERY, "Skien", "Deler Ikke " + suffix);
        People.asSystem(Demo.DEMO_RECOVERY, () -> tx.execute(s -> {
            consents.give(shared, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER, ConsentMethod.SIGNED, null, "NAV Skien"));
            UUID transition = transitions.create(UUID.randomUUID(), shared, new TransitionForm(TransitionKind.PRISON_RELEASE,
                    null, LocalDate.now(Dates.OSLO).plusWeeks(5)));
            ItemForm income = new ItemForm(ItemStatus.NOT_STARTED, ResponsibleKind.PARTNER, null, null, null);
            income.setResponsiblePartnerOrg(NAV_SKIEN);
            transitions.setItem(transitions.get(transition).items().get(1).id(), income);
            transitions.create(UUID.randomUUID(), notShared, new TransitionForm(TransitionKind.DISCHARGE_TSB, null,
                    LocalDate.now(Dates.OSLO).plusWeeks(1)));
            return null;
        }));

        page.navigate(url("/login"));
        page.getByLabel("E-postadresse").fill(Demo.PARTNER);
        page.getByLabel("Passord").fill(Demo.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg inn")).click();
        assertFitsAndAccessible("the partner's start page");

        followMenuLink("Personer som deler med oss");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personer som deler med oss"))).isVisible();
        assertThat(page.locator("main")).containsText("Deler Med Nav " + suffix);
        assertThat(page.locator("main")).not().containsText("Deler Ikke " + suffix);
        assertFitsAndAccessible("the persons who share with NAV Skien");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deler Med Nav " + suffix)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Løslatelse fra fengsel"))).isVisible();
        assertThat(page.locator("main")).containsText("Ansvarlig: NAV Skien");
        assertFitsAndAccessible("the consenting person's page");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/phone-partner.png")));

        page.locator("form select[name=status]").selectOption("IN_PROGRESS");
        page.locator("form textarea[name=note]").fill("Time hos NAV avtalt");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Lagret.");
        assertThat(page.locator("main")).containsText("Time hos NAV avtalt");
        assertFitsAndAccessible("after updating the item");

        var refused = page.navigate(url("/partner/persons/" + notShared));
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
        assertThat(page.locator("main")).not().containsText("Deler Ikke " + suffix);
    }
}

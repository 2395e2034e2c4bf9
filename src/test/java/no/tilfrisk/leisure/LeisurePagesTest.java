package no.tilfrisk.leisure;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leisure on other modules' pages: the summary item at the top of the person's page (the furthest step, the club,
 * the next check-in, overdue marked), the start card on «Min side», and the check-in form's date of the answer
 * (today by default; ahead of today refused on its field in the reader's language, nothing saved). The process
 * made here is ended afterwards, so that its check-ins stay off later classes' task lists.
 */
@TilfriskTest
class LeisurePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    LeisureFixtures fixtures;
    @Autowired
    Inclusions inclusions;

    UUID participant;
    UUID process;
    String club;
    LocalDate today;

    @BeforeEach
    void fixture() {
        today = LocalDate.now(Dates.OSLO);
        participant = people.register(DEMO_RECOVERY, "Skien", "Sammendrag " + UUID.randomUUID());
        club = "Sammendragklubb " + UUID.randomUUID().toString().substring(0, 8);
        UUID clubId = fixtures.club(DEMO_RECOVERY, club);
        UUID facilitator = fixtures.facilitator(DEMO_RECOVERY, "Skien", "Sammendrag tilrettelegger");
        process = fixtures.process(DEMO_RECOVERY, participant, 100);
        fixtures.stepsTo(DEMO_RECOVERY, process, Step.FOLLOW_UP, today.minusDays(60), clubId, facilitator);
    }

    @AfterEach
    void end() {
        People.asSystem(DEMO_RECOVERY, () -> {
            EndForm f = new EndForm();
            f.setOutcome(Outcome.STOPPED);
            f.setEndedOn(today);
            f.setNote("Testen er ferdig");
            inclusions.end(process, f);
            return null;
        });
    }

    MockHttpServletResponse get(String account, String path, String language) throws Exception {
        UserDetails who = accounts.loadUserByUsername(account);
        return mvc.perform(MatrixRequests.request("GET", path, "", who, null).param("lang", language))
                .andReturn().getResponse();
    }

    @Test
    void thePersonPageSummarisesTheProcessAndItsNextCheckIn() throws Exception {
        String page = get("admin@demo.tilfrisk.no", "/persons/" + participant, "nb").getContentAsString(StandardCharsets.UTF_8);
        // follow-up from 60 days ago: the 2-week check-in, 46 days ago, is the next one and overdue
        String due = today.minusDays(46).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        assertThat(page).contains("Fritid med bistand", "Steg 6: Oppfølging og evaluering (minst seks måneder) · " + club,
                "Neste fritidsoppfølging", due + " (forfalt)", "/leisure/processes/" + process + "#check-ins");
        fixtures.answer(DEMO_RECOVERY, process, CheckInDue.WEEK_2, 7, true, false);
        String after = get("admin@demo.tilfrisk.no", "/persons/" + participant, "en").getContentAsString(StandardCharsets.UTF_8);
        // 1 month after the follow-up began: 60 days ago + 1 month, still before today
        String next = today.minusDays(60).plusMonths(1).format(DateTimeFormatter.ofPattern("d MMM yyyy",
                Locale.ENGLISH));
        assertThat(after).contains("Leisure with assistance", "Next leisure check-in", next + " (overdue)");
    }

    @Test
    void minSideLinksToTheLeisurePage() throws Exception {
        String page = get("deltaker@demo.tilfrisk.no", "/min-side", "nb").getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/min-side/fritid\"", "Din fritidsaktivitet");
    }

    @Test
    void aCheckInFormCarriesTodayAndRefusesADayAheadOnItsFieldInTheReadersLanguage() throws Exception {
        String page = get("admin@demo.tilfrisk.no", "/leisure/processes/" + process, "nb").getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"answeredOn\"", "value=\"" + today + "\"", "Dato for svaret");
        UserDetails admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        for (String[] language : new String[][] {{"nb", "Datoen kan ikke være fram i tid."},
                {"en", "The date cannot be in the future."}}) {
            MockHttpServletResponse r = mvc.perform(MatrixRequests.request("POST",
                    "/leisure/processes/" + process + "/check-ins/WEEK_2", "rating=7&stillTakingPart=true&valuedRole=false"
                            + "&answeredOn=" + today.plusDays(1) + "&lang=" + language[0], admin, null))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("field-error", language[1]);
        }
        assertThat(People.asSystem(DEMO_RECOVERY, () -> inclusions.view(process)).checkIns().stream()
                .filter(InclusionRules.CheckInSlot::answered)).isEmpty();
        MockHttpServletResponse bad = mvc.perform(MatrixRequests.request("POST",
                "/leisure/processes/" + process + "/check-ins/WEEK_2", "rating=7&stillTakingPart=true&valuedRole=false"
                        + "&answeredOn=ikke-en-dato", admin, null).header("Accept-Language", "nb")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("field-error", "Skriv datoen som dd.mm.åååå.");
    }
}

package no.tilfrisk.collaboration;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.collaboration.CollaborationSummary.KindSummary;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class CollaborationRegisterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    CollaborationRegister register;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    /**
     * A fixture year (2003, which nothing else uses) in Tønsberg, and records just outside it. By hand: three
     * meetings with services, of which two give participants (5 + 6 = 11) and one does not; one seminar of 104; the
     * council that spans New Year counts, the one that ended in 2002 and the one from 2004 do not; the user office
     * open since 2001 counts; board meetings on 1 Jan and 31 Dec count, the one on 1 Jan 2004 does not.
     */
    @Test
    void theSummaryCountsWhatFallsInThePeriodPerKind() {
        KindSummaryCheck check = People.asSystem(DEMO_RECOVERY, () -> {
            UUID tonsberg = people.department("Tønsberg").id();
            add(tonsberg, CollaborationKind.SERVICE_MEETING, "TSB før-møte", 5, d(2003, 3, 14), null);
            add(tonsberg, CollaborationKind.SERVICE_MEETING, "TSB før-møte", 6, d(2003, 10, 10), null);
            add(tonsberg, CollaborationKind.SERVICE_MEETING, "Møte med NAV", null, d(2003, 11, 1), null);
            add(tonsberg, CollaborationKind.SERVICE_MEETING, "TSB før-møte", 9, d(2002, 12, 31), null);
            add(tonsberg, CollaborationKind.SEMINAR, "Seminar med TSB", 104, d(2003, 6, 5), null);
            add(tonsberg, CollaborationKind.COUNCIL, "Brukerråd", null, d(2002, 6, 1), d(2003, 2, 1));
            add(tonsberg, CollaborationKind.COUNCIL, "KPU", null, d(2001, 1, 1), d(2002, 12, 31));
            add(tonsberg, CollaborationKind.COUNCIL, "Brukerråd kommune", null, d(2004, 1, 1), null);
            add(tonsberg, CollaborationKind.USER_OFFICE, "Blå Kors", null, d(2001, 5, 1), null);
            add(tonsberg, CollaborationKind.BOARD_MEETING, null, null, d(2003, 1, 1), null);
            add(tonsberg, CollaborationKind.BOARD_MEETING, null, null, d(2003, 12, 31), null);
            add(tonsberg, CollaborationKind.BOARD_MEETING, null, null, d(2004, 1, 1), null);
            // the whole organisation's board meeting is not the department's
            add(null, CollaborationKind.BOARD_MEETING, null, null, d(2003, 4, 4), null);
            return new KindSummaryCheck(register.summary(tonsberg, d(2003, 1, 1), d(2003, 12, 31)),
                    register.summary(null, d(2003, 1, 1), d(2003, 12, 31)));
        });
        CollaborationSummary s = check.department();
        assertThat(s.of(CollaborationKind.SERVICE_MEETING)).extracting(KindSummary::count, KindSummary::participants,
                KindSummary::withoutParticipants).containsExactly(3, 11, 1);
        assertThat(s.of(CollaborationKind.SEMINAR)).extracting(KindSummary::count, KindSummary::participants)
                .containsExactly(1, 104);
        assertThat(s.of(CollaborationKind.COUNCIL).records()).extracting(CollaborationRecord::title).containsExactly("Brukerråd");
        assertThat(s.of(CollaborationKind.USER_OFFICE).count()).isEqualTo(1);
        assertThat(s.of(CollaborationKind.BOARD_MEETING).count()).isEqualTo(2);
        assertThat(s.of(CollaborationKind.BOARD_MEETING).participants()).isNull();
        assertThat(s.of(CollaborationKind.ANNUAL_MEETING).count()).isZero();
        assertThat(s.of(CollaborationKind.POLITICAL_MEETING).records()).isEmpty();
        assertThat(s.kinds()).hasSize(CollaborationKind.values().length);
        assertThat(check.organisation().of(CollaborationKind.BOARD_MEETING).count()).isEqualTo(3);
        assertThat(check.organisation().of(CollaborationKind.SERVICE_MEETING).participants()).isEqualTo(11);
    }

    record KindSummaryCheck(CollaborationSummary department, CollaborationSummary organisation) {
    }

    /** Seed 000's figures, as the demo has them for last year. */
    @Test
    void theDemoRegisterOfLastYearIsShapedLikeTheSeedReport() {
        int lastYear = LocalDate.now(Dates.OSLO).getYear() - 1;
        // the demo's records are the organisation's own or Skien's; other tests add theirs in departments of their own
        UUID skien = People.asSystem(DEMO_RECOVERY, () -> people.department("Skien").id());
        CollaborationSummary all = People.asSystem(DEMO_RECOVERY, () ->
                register.summary(null, d(lastYear, 1, 1), d(lastYear, 12, 31)));
        Function<CollaborationKind, List<CollaborationRecord>> demo = kind -> all.of(kind).records()
                .stream().filter(r -> r.departmentId() == null || r.departmentId().equals(skien)).toList();
        assertThat(demo.apply(CollaborationKind.SERVICE_MEETING)).hasSize(2)
                .extracting(CollaborationRecord::participants).containsExactlyInAnyOrder(5, 6);
        assertThat(demo.apply(CollaborationKind.SEMINAR)).extracting(CollaborationRecord::participants).containsExactly(104);
        assertThat(demo.apply(CollaborationKind.COUNCIL)).hasSize(5);
        assertThat(demo.apply(CollaborationKind.USER_OFFICE)).hasSize(2);
        assertThat(demo.apply(CollaborationKind.CO_ORGANISED_EVENT)).extracting(CollaborationRecord::title)
                .contains("Verdens overdosedag");
        assertThat(demo.apply(CollaborationKind.POLITICAL_MEETING)).hasSize(7);
        assertThat(demo.apply(CollaborationKind.BOARD_MEETING)).hasSize(8);
        assertThat(demo.apply(CollaborationKind.ANNUAL_MEETING)).hasSize(1);
    }

    @Test
    void aCoordinatorAddsARecordOnceEvenWhenTheFormIsSentTwiceAndSeesItOnTheYearsPage() throws Exception {
        String title = "Seminar om mestring " + UUID.randomUUID().toString().substring(0, 6);
        String formId = UUID.randomUUID().toString();
        LocalDate date = LocalDate.now(Dates.OSLO).withDayOfYear(1);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/collaboration").with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no")))
                            .with(csrf()).param("formId", formId).param("kind", "SEMINAR").param("title", title)
                            .param("partner", "TSB").param("startsOn", date.toString()).param("participants", "40")
                            .param("departmentId", ""))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(count(title)).isEqualTo(1);
        mvc.perform(get("/collaboration?year=" + date.getYear() + "&kind=SEMINAR")
                        .with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Samarbeid og styring " + date.getYear() + "</h1>")))
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Hele organisasjonen")))
                .andExpect(content().string(containsString("/edit")));
        // the board reads the register and changes nothing
        mvc.perform(get("/collaboration?year=" + date.getYear() + "&kind=SEMINAR")
                        .with(user(accounts.loadUserByUsername("styret@demo.tilfrisk.no"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(not(containsString("/edit"))))
                .andExpect(content().string(not(containsString("/collaboration/new"))));
    }

    @Test
    void badInputGetsAMessageNextToTheFieldAndSavesNothing() throws Exception {
        String marker = "Feil " + UUID.randomUUID().toString().substring(0, 6);
        var coordinator = user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"));
        // a seminar without a title, a date before 2000, a negative count
        mvc.perform(post("/collaboration").with(coordinator).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("kind", "SEMINAR").param("partner", marker).param("startsOn", "1999-12-31")
                        .param("participants", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Antall deltakere må være mellom 0 og 100 000.")));
        mvc.perform(post("/collaboration").with(coordinator).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("kind", "SEMINAR").param("partner", marker).param("startsOn", "1999-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv inn tittelen på seminaret.")))
                .andExpect(content().string(containsString("Datoen må være etter 01.01.2000")));
        // a council that ends before it starts; a date that is not a date
        mvc.perform(post("/collaboration").with(coordinator).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("kind", "COUNCIL").param("title", marker).param("startsOn", "2024-05-01")
                        .param("endsOn", "2024-04-30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sluttdatoen kan ikke være før startdatoen.")));
        mvc.perform(post("/collaboration").with(coordinator).with(csrf()).param("formId", UUID.randomUUID().toString())
                        .param("kind", "COUNCIL").param("title", marker).param("startsOn", "i fjor"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        // the API, in English, with every error at once; a political meeting needs its party
        mvc.perform(post("/api/v1/collaboration").header("Authorization", bearer("demo-koordinator"))
                        .header("Accept-Language", "en").contentType("application/json")
                        .content("{\"kind\": \"POLITICAL_MEETING\", \"title\": \"" + marker + "\", \"startsOn\": \"2024-02-30\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/collaboration").header("Authorization", bearer("demo-koordinator"))
                        .header("Accept-Language", "en").contentType("application/json")
                        .content("{\"kind\": \"POLITICAL_MEETING\", \"title\": \"" + marker + "\", \"startsOn\": \"2024-02-03\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partner"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the party or body."));
        mvc.perform(post("/api/v1/collaboration").header("Authorization", bearer("demo-koordinator"))
                        .contentType("application/json").content("{\"kind\": \"MEETING\", \"startsOn\": \"2024-02-03\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/collaboration?from=2024-02-01&to=2024-01-01").header("Authorization", bearer("demo-styret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/collaboration?department=" + UUID.randomUUID()).header("Authorization", bearer("demo-styret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        mvc.perform(get("/collaboration?year=abc&kind=NONE&department=x").with(coordinator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Velg et år mellom 2000")))
                .andExpect(content().string(containsString("Ukjent type")))
                .andExpect(content().string(containsString("Ukjent avdeling.")));
        mvc.perform(get("/collaboration/new?kind=NONE").with(coordinator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ukjent type")));
        assertThat(count(marker) + countPartner(marker)).isZero();
    }

    @Test
    void aRecordKeepsOnlyTheFieldsOfItsKindAndItsKindStays() throws Exception {
        UUID id = UUID.randomUUID();
        String marker = "Styre " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/collaboration").header("Authorization", bearer("demo-admin")).header("Idempotency-Key", id.toString())
                        .contentType("application/json")
                        .content("{\"kind\": \"BOARD_MEETING\", \"title\": \"" + marker + "\", \"participants\": 7, "
                                + "\"startsOn\": \"2024-03-01\", \"endsOn\": \"2024-03-02\", \"note\": \"" + marker + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/collaboration/" + id).header("Authorization", bearer("demo-styret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("BOARD_MEETING"))
                .andExpect(jsonPath("$.title").doesNotExist())
                .andExpect(jsonPath("$.participants").doesNotExist())
                .andExpect(jsonPath("$.endsOn").doesNotExist())
                .andExpect(jsonPath("$.note").value(marker));
        mvc.perform(put("/api/v1/collaboration/" + id).header("Authorization", bearer("demo-admin"))
                        .contentType("application/json").content("{\"kind\": \"SEMINAR\", \"title\": \"x\", \"startsOn\": \"2024-03-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(put("/api/v1/collaboration/" + id).header("Authorization", bearer("demo-admin"))
                        .contentType("application/json").content("{\"startsOn\": \"2024-03-05\"}"))
                .andExpect(status().isNoContent());
        CollaborationRecord r = People.asSystem(DEMO_RECOVERY, () -> register.get(id));
        assertThat(r.kind()).isEqualTo(CollaborationKind.BOARD_MEETING);
        assertThat(r.startsOn()).isEqualTo(d(2024, 3, 5));
        assertThat(r.note()).isNull();
        mvc.perform(MockMvcRequestBuilders.delete("/api/v1/collaboration/" + id)
                .header("Authorization", bearer("demo-admin"))).andExpect(status().isNoContent());
        mvc.perform(MockMvcRequestBuilders.delete("/api/v1/collaboration/" + id)
                .header("Authorization", bearer("demo-admin"))).andExpect(status().isNotFound());
    }

    @Test
    void theServiceNamesEveryBrokenRuleAtOnce() {
        InvalidInputException e = People.asSystem(DEMO_RECOVERY, () -> {
            CollaborationForm form = CollaborationForm.of(CollaborationKind.COUNCIL, d(2024, 5, 1));
            form.setEndsOn(d(2024, 1, 1));
            form.setDepartmentId(UUID.randomUUID());
            try {
                register.create(UUID.randomUUID(), form);
                return null;
            } catch (InvalidInputException ex) {
                return ex;
            }
        });
        assertThat(e).isNotNull();
        assertThat(e.all()).extracting(InvalidInputException::field).containsExactlyInAnyOrder("title", "endsOn", "departmentId");
    }

    private void add(UUID department, CollaborationKind kind, String title, Integer participants, LocalDate from,
                     LocalDate to) {
        CollaborationForm f = CollaborationForm.of(kind, from);
        f.setTitle(title);
        f.setParticipants(participants);
        f.setEndsOn(to);
        f.setDepartmentId(department);
        register.create(UUID.randomUUID(), f);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private int count(String title) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM collaboration_record WHERE title = ?").param(title).query(Integer.class).single()));
    }

    private int countPartner(String partner) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM collaboration_record WHERE partner = ?").param(partner).query(Integer.class).single()));
    }
}

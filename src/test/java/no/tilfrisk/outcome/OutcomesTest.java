package no.tilfrisk.outcome;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class OutcomesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutcomeAggregates aggregates;
    @Autowired
    Outcomes outcomes;
    @Autowired
    MyOutcomes myOutcomes;

    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Test
    void aGuideEntersWho5WithTheParticipantAndADoubleSubmitRecordsOne() throws Exception {
        String name = "Måling " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        // a new participant: the intake measurement is due, and on the guide's task list
        mvc.perform(get("/persons/" + person + "/outcomes").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ved oppstart")))
                .andExpect(content().string(containsString("Ingen målinger ennå.")));
        mvc.perform(get("/persons/" + person + "/outcomes/new").param("instrument", "who-5").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jeg har vært glad og i godt humør")))
                .andExpect(content().string(containsString("tro gjengivelse")));
        String formId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/persons/" + person + "/outcomes").with(user(staff())).with(csrf())
                            .param("formId", formId).param("instrumentId", "who-5").param("answeredOn", TODAY.toString())
                            .param("answers[cheerful]", "3").param("answers[calm]", "4").param("answers[active]", "2")
                            .param("answers[rested]", "5").param("answers[interest]", "1"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", "/persons/" + person + "/outcomes"));
        }
        assertThat(count(person)).isEqualTo(1);
        assertThat(one("SELECT score || '/' || raw_score || '/' || entry_method FROM outcome_response WHERE id = ?",
                UUID.fromString(formId))).isEqualTo("60/15/GUIDE_WITH_PARTICIPANT");
        mvc.perform(get("/persons/" + person + "/outcomes").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Anders Ansatt, sammen med deltakeren")))
                .andExpect(content().string(containsString("50 eller lavere: svak trivsel")));
        // on the timeline, without the score
        mvc.perform(get("/persons/" + person).with(user(staff())))
                .andExpect(content().string(containsString("Svarte på WHO-5")));
    }

    @Test
    void theGuidesTaskListHasTheNewParticipantsOfTheirOwnDepartmentsOnlyAndTheReadingIsInTheTrail() {
        String name = "Oppstart " + UUID.randomUUID().toString().substring(0, 6);
        UUID skien = people.register(DEMO_RECOVERY, "Skien", name);
        UUID stavanger = people.register(DEMO_RECOVERY, "Stavanger", "Oppstart " + UUID.randomUUID().toString().substring(0, 6));

        // no cap here: the whole suite's fixtures in Skien (the access matrices register hundreds, due today and
        // named before «Oppstart») would push this participant past any fixed number
        var due = People.as(staff(), () -> outcomes.dueInMyDepartments(Integer.MAX_VALUE));
        assertThat(due).as("%d due in the staff member's departments", due.size())
                .filteredOn(d -> d.personId().equals(skien)).singleElement()
                .satisfies(d -> assertThat(d.personName()).isEqualTo(name))
                .satisfies(d -> assertThat(d.due()).isBeforeOrEqualTo(TODAY));
        // the staff member works in Skien: not the participant in Stavanger, whom they may not see
        assertThat(due).extracting(Outcomes.DuePerson::personId).doesNotContain(stavanger);
        assertThat(due).isSortedAccordingTo(Comparator.comparing(Outcomes.DuePerson::due)
                .thenComparing(Outcomes.DuePerson::personName));
        assertThat(People.as(staff(), () -> outcomes.dueInMyDepartments(1))).hasSize(1);
        long inTheTrail = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'LIST' AND what = 'outcome.due'""")
                .param(skien).query(Long.class).single()));
        assertThat(inTheTrail).isGreaterThanOrEqualTo(1);

        // the admin may see every participant, but has no department of their own: not the whole organisation
        assertThat(People.as(accounts.loadUserByUsername("admin@demo.tilfrisk.no"), () -> outcomes.dueInMyDepartments(1_000)))
                .isEmpty();
        var volunteer = accounts.loadUserByUsername("frivillig@demo.tilfrisk.no");
        Assertions.assertThatThrownBy(() -> People.as(volunteer, () -> outcomes.dueInMyDepartments(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPageFormWithAnAnswerOutsideTheScaleOrAFutureDateShowsTheErrorsAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Feil " + UUID.randomUUID().toString().substring(0, 6));
        mvc.perform(post("/persons/" + person + "/outcomes").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("instrumentId", "livskvalitet")
                        .param("answeredOn", TODAY.plusDays(1).toString()).param("answers[satisfaction]", "11"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Datoen kan ikke være fram i tid.")))
                .andExpect(content().string(containsString("Spørsmål 1: svaret må være et helt tall fra 0 til 10.")));
        mvc.perform(post("/persons/" + person + "/outcomes").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("instrumentId", "livskvalitet")
                        .param("answeredOn", TODAY.toString()).param("answers[satisfaction]", "mye"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spørsmål 1: svaret må være et helt tall fra 0 til 10.")));
        assertThat(count(person)).isZero();
    }

    @Test
    void aFractionAnAnswerOffTheScaleOrAWordOnThePageFormIsRefusedItemByItemAndNothingIsSaved() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Brøk " + UUID.randomUUID().toString().substring(0, 6));
        String page = mvc.perform(post("/persons/" + person + "/outcomes").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("instrumentId", "who-5")
                        .param("answeredOn", TODAY.toString())
                        .param("answers[cheerful]", "2.5").param("answers[calm]", "7").param("answers[active]", "abc")
                        .param("answers[rested]", "3").param("answers[interest]", "1"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // each wrong answer named by its question, on top (linking to it) and by the question; the right ones kept
        assertThat(page).contains("href=\"#answers[cheerful]\"", "href=\"#answers[calm]\"", "href=\"#answers[active]\"");
        assertThat(page.split("Spørsmål 1: svaret må være et helt tall fra 0 til 5.", -1)).hasSize(3);
        assertThat(page.split("Spørsmål 2: svaret må være et helt tall fra 0 til 5.", -1)).hasSize(3);
        assertThat(page.split("Spørsmål 3: svaret må være et helt tall fra 0 til 5.", -1)).hasSize(3);
        assertThat(page).doesNotContain("Spørsmål 4:", "Spørsmål 5:");
        assertThat(page).containsPattern("id=\"rested-3\"[^>]*checked");
        mvc.perform(post("/persons/" + person + "/outcomes").with(user(staff())).with(csrf()).param("lang", "en")
                        .param("formId", UUID.randomUUID().toString()).param("instrumentId", "russtatus")
                        .param("answeredOn", TODAY.toString()).param("answers[alcohol]", "12.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Question 1: the answer must be a whole number from 0 to 28.")));
        assertThat(count(person)).isZero();
        assertThat(answerRows(person)).isZero();
    }

    @Test
    void theApiRefusesAFractionInsteadOfCuttingItOffNamesTheItemAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Brøk " + UUID.randomUUID().toString().substring(0, 6));
        String path = "/api/v1/persons/" + person + "/responses";
        // bound to a whole number, 2.5 used to become 2 and the response was saved with a score of 56
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": "
                                + "{\"cheerful\": 2.5, \"calm\": 4, \"active\": 2, \"rested\": 5, \"interest\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("answers[cheerful]"))
                .andExpect(jsonPath("$.errors[0].message").value("Spørsmål 1: svaret må være et helt tall fra 0 til 5."));
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).header("Accept-Language", "en")
                        .contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": "
                                + "{\"cheerful\": 3, \"calm\": \"abc\", \"active\": 7, \"rested\": 5, \"interest\": 0.5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("answers[calm]"))
                .andExpect(jsonPath("$.errors[0].message").value("Question 2: the answer must be a whole number from 0 to 5."))
                .andExpect(jsonPath("$.errors[1].field").value("answers[active]"))
                .andExpect(jsonPath("$.errors[2].field").value("answers[interest]"))
                .andExpect(jsonPath("$.errors[2].message").value("Question 5: the answer must be a whole number from 0 to 5."));
        assertThat(count(person)).isZero();
        assertThat(answerRows(person)).isZero();
        // a whole number is whole however it is written: 3.0 is 3
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": "
                                + "{\"cheerful\": 3.0, \"calm\": 4, \"active\": \"2\", \"rested\": 5, \"interest\": 1}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answers.cheerful").value(3))
                .andExpect(jsonPath("$.score.value").value(60));
        assertThat(answerRows(person)).isEqualTo(5);
    }

    @Test
    void theApiRefusesBadAnswersWithAClearMessageAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Api " + UUID.randomUUID().toString().substring(0, 6));
        String path = "/api/v1/persons/" + person + "/responses";
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"cheerful\": 6, \"calm\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[cheerful]"))
                .andExpect(jsonPath("$.errors[0].message").value("Spørsmål 1: svaret må være et helt tall fra 0 til 5."));
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"sleep\": 3}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[sleep]"))
                .andExpect(jsonPath("$.errors[0].message").value("Spørsmålet finnes ikke i denne versjonen av skjemaet."));
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).header("Accept-Language", "en")
                        .contentType("application/json")
                        .content("{\"instrumentId\": \"livskvalitet\", \"answeredOn\": \"" + TODAY.plusDays(3) + "\", \"answers\": {\"satisfaction\": 5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answeredOn"))
                .andExpect(jsonPath("$.errors[0].message").value("The date cannot be in the future."));
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"test-licensed\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"one\": 1, \"two\": 2}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Skjemaet krever lisens, og organisasjonen har ikke slått det på."));
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"instrumentVersion\": 9, \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"calm\": 1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("instrumentVersion"));
        assertThat(count(person)).isZero();

        // the admin confirms the licence: now it is taken
        mvc.perform(post("/outcomes/instruments/test-licensed").param("enabled", "true")
                        .with(user(accounts.loadUserByUsername("admin@demo.tilfrisk.no"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        try {
            mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                            .content("{\"instrumentId\": \"test-licensed\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"one\": 1, \"two\": 2}}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.score.value").value(3));
        } finally {
            mvc.perform(post("/outcomes/instruments/test-licensed").param("enabled", "false")
                    .with(user(accounts.loadUserByUsername("admin@demo.tilfrisk.no"))).with(csrf()));
        }
        // one item missing: saved, no score, and the response says why
        mvc.perform(post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content("{\"instrumentId\": \"who-5\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"cheerful\": 3, \"calm\": 4, \"active\": 2, \"interest\": 1}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.score.value").doesNotExist())
                .andExpect(jsonPath("$.score.missingItems[0]").value("rested"))
                .andExpect(jsonPath("$.score.missingReason").value("Ingen skår: mangler svar på rested"))
                .andExpect(jsonPath("$.entryMethod").value("GUIDE_WITH_PARTICIPANT"));
        assertThat(count(person)).isEqualTo(2);
        mvc.perform(get("/api/v1/instruments").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].definition.id").value("who-5"))
                .andExpect(jsonPath("$[0].definition.items[0].text.nb").value("Jeg har vært glad og i godt humør"))
                .andExpect(jsonPath("$[?(@.definition.id == 'test-licensed')].available").value(false));
    }

    @Test
    void theParticipantAnswersOneQuestionAtATimeAndReachesOnlyThemself() throws Exception {
        var dagAccount = accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        UUID dag = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT person_id FROM app_user WHERE email = 'deltaker@demo.tilfrisk.no'").query(UUID.class).single()));
        UUID other = people.register(DEMO_RECOVERY, "Skien", "Annen " + UUID.randomUUID().toString().substring(0, 6));
        mvc.perform(get("/api/v1/persons/" + dag + "/responses").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons/" + other + "/responses").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/persons/" + other + "/responses").header("Authorization", bearer("demo-deltaker"))
                        .contentType("application/json")
                        .content("{\"instrumentId\": \"livskvalitet\", \"answeredOn\": \"" + TODAY + "\", \"answers\": {\"satisfaction\": 5}}"))
                .andExpect(status().isNotFound());
        assertThat(count(other)).isZero();

        long before = count(dag);
        // another test may have left him half-way through this form
        People.as(dagAccount, () -> {
            myOutcomes.discardDraft("livskvalitet");
            return null;
        });
        mvc.perform(get("/min-side/maalinger").with(user(dagAccount))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Min utvikling")));
        mvc.perform(get("/min-side/maalinger/livskvalitet").with(user(dagAccount))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Spørsmål 1 av 1")));
        for (String wrong : new String[] {"11", "2.5", "mye"}) {
            mvc.perform(post("/min-side/maalinger/livskvalitet").with(user(dagAccount)).with(csrf()).param("steg", "0").param("value", wrong))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Spørsmål 1: svaret må være et helt tall fra 0 til 10.")));
        }
        // none of them was kept in the draft: the form still starts at the first question
        mvc.perform(get("/min-side/maalinger/livskvalitet").with(user(dagAccount))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Spørsmål 1 av 1")));
        mvc.perform(post("/min-side/maalinger/livskvalitet").with(user(dagAccount)).with(csrf()).param("steg", "0").param("value", "8"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/min-side/maalinger/livskvalitet?steg=1"));
        // stopped and came back: the draft remembers the answer and goes on to the summary
        String summary = mvc.perform(get("/min-side/maalinger/livskvalitet").with(user(dagAccount)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Se over svarene")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String responseId = summary.replaceAll("(?s).*name=\"responseId\" value=\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/min-side/maalinger/livskvalitet/send").with(user(dagAccount)).with(csrf()).param("responseId", responseId))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(count(dag)).isEqualTo(before + 1);
        assertThat(one("SELECT score || '/' || entry_method FROM outcome_response WHERE id = ?",
                UUID.fromString(responseId))).isEqualTo("8/SELF_SERVICE");
        // the staff pages are not for participants
        mvc.perform(get("/persons/" + dag + "/outcomes").with(user(dagAccount))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoDataGiveFiguresWithEnoughAnswers() throws Exception {
        var figures = People.asSystem(DEMO_RECOVERY, () -> aggregates.forPeriod(null, TODAY.minusYears(1), TODAY));
        assertThat(figures).hasSize(4);
        assertThat(figures).allSatisfy(f -> {
            assertThat(f.denominator()).isGreaterThanOrEqualTo(5);
            assertThat(f.shown()).isTrue();
        });
        mvc.perform(get("/outcomes").with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Oppnådd og holdt rusfrihet")))
                .andExpect(content().string(containsString("95 % konfidensintervall")));
        mvc.perform(get("/api/v1/outcomes/aggregates").param("from", TODAY.minusYears(1).toString()).param("to", TODAY.toString())
                        .header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[3].key").value("meaningful"))
                .andExpect(jsonPath("$[3].definition").value(containsString("7 eller høyere")));
        mvc.perform(get("/api/v1/outcomes/aggregates").param("from", TODAY.toString()).param("to", TODAY.minusDays(1).toString())
                        .header("Authorization", bearer("demo-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Sluttdatoen kan ikke være før startdatoen."));
    }

    private String one(String sql, UUID id) {
        String found = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(sql).param(id).query(String.class).single()));
        return found;
    }

    private long answerRows(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM outcome_answer a JOIN outcome_response r ON r.id = a.response_id
                         WHERE r.person_id = ?""").param(person).query(Long.class).single()));
    }

    private long count(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM outcome_response WHERE person_id = ?").param(person).query(Long.class).single()));
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername("ansatt@demo.tilfrisk.no");
    }
}

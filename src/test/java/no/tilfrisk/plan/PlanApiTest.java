package no.tilfrisk.plan;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.PersonDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The plan's writes through {@code /api/v1} (issue 20, item 1): a retried create makes one record, and bad input is
 * refused field by field in the caller's language, with nothing saved. That they do what the pages do is walked in
 * {@code ApiParityWalkTest}; who may call them is in {@link PlanAccessMatrixTest}.
 */
@TilfriskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    Plans plans;
    @Autowired
    PersonDirectory persons;
    @Autowired
    Clock clock;

    UUID person;
    String base;

    @BeforeAll
    void aParticipant() {
        person = people.register(DEMO_RECOVERY, "Skien", "Planapi " + UUID.randomUUID().toString().substring(0, 6));
        base = "/api/v1/persons/" + person;
    }

    @AfterAll
    void closeAndDeactivate() {
        People.asSystem(DEMO_RECOVERY, () -> {
            for (Goal goal : plans.plan(person).allGoals()) {
                GoalForm closed = GoalForm.of(goal);
                closed.setStatus(PlanStatus.CLOSED);
                plans.updateGoal(person, goal.id(), closed);
            }
            persons.deactivate(person, "Testdata");
            return null;
        });
    }

    @Test
    void aGoalSentTwiceWithTheSameKeyIsAddedOnceAndAnswered201() throws Exception {
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            send(post(base + "/plan/goals").header("Idempotency-Key", key.toString()),
                    "{\"lifeArea\": \"WORK_EDUCATION\", \"text\": \"Et kurs i høst\"}", "nb")
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", base + "/plan/goals/" + key))
                    .andExpect(jsonPath("$.id").value(key.toString()))
                    .andExpect(jsonPath("$.status").value("NOT_STARTED"));
        }
        assertThat(goals("Et kurs i høst")).isEqualTo(1);
    }

    @Test
    void aGoalWithoutItsWordsNamesTheFieldInTheCallersLanguageAndSavesNothing() throws Exception {
        long before = People.asSystem(DEMO_RECOVERY, () -> plans.plan(person).allGoals().size());
        send(post(base + "/plan/goals"), "{\"lifeArea\": \"HOUSING\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("Skriv inn målet."));
        send(post(base + "/plan/goals"), "{\"lifeArea\": \"HOUSING\", \"text\": \"  \"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter the goal."));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> plans.plan(person).allGoals().size())).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws Exception {
        UUID goal = aGoal("Typefeil");
        send(post(base + "/plan/goals/" + goal + "/actions"),
                "{\"text\": \"Ringe\", \"responsible\": \"PARTICIPANT\", \"targetDate\": \"snart\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("targetDate"));
        send(post(base + "/plan/goals/" + goal + "/actions"), "{\"text\": \"Ringe\", \"responsible\": \"NOBODY\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("responsible"));
        send(put(base + "/plan/goals/" + goal), "{\"lifeArea\": \"HOUSING\", \"text\": \"Typefeil\", "
                + "\"nextEvaluationOn\": 17}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nextEvaluationOn"));
        send(post(base + "/plan/goals/" + goal + "/evaluations"), "{\"whatHappened\": \"Bra\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evaluatedOn"));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> plans.goal(person, goal)).actions()).isEmpty();
    }

    @Test
    void anActionDoneAnswersTheStatusItHadAndAnUndoWithoutAStatusIsRefusedByItsField() throws Exception {
        UUID goal = aGoal("Utført");
        UUID action = UUID.randomUUID();
        send(post(base + "/plan/goals/" + goal + "/actions").header("Idempotency-Key", action.toString()),
                "{\"text\": \"Søke\", \"responsible\": \"PARTICIPANT\", \"status\": \"IN_PROGRESS\"}", "nb")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        send(post(base + "/plan/actions/" + action + "/done"), "", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REACHED"))
                .andExpect(jsonPath("$.was").value("IN_PROGRESS"));
        send(post(base + "/plan/actions/" + action + "/undo-done"), "{}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose a status."));
        send(post(base + "/plan/actions/" + action + "/undo-done"), "{\"status\": \"IN_PROGRESS\"}", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    @Test
    void aClosedActionMarkedDoneStaysClosedAndSaysSo() throws Exception {
        UUID goal = aGoal("Lukket");
        UUID action = UUID.randomUUID();
        send(post(base + "/plan/goals/" + goal + "/actions").header("Idempotency-Key", action.toString()),
                "{\"text\": \"Avlyst\", \"responsible\": \"PARTICIPANT\", \"status\": \"CLOSED\"}", "nb")
                .andExpect(status().isCreated());
        send(post(base + "/plan/actions/" + action + "/done"), "", "nb")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.was").value("CLOSED"));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> plans.action(person, action)).status()).isEqualTo(PlanStatus.CLOSED);
    }

    @Test
    void aDecisionThatIsNeitherAcceptNorRejectIsRefusedByItsFieldAndTheProposalStaysOpen() throws Exception {
        UUID proposal = People.asSystem(DEMO_RECOVERY, () -> TestProposals.propose(plans,
                tx, person,
                LifeArea.LEISURE, "Gå på fotballkamp"));
        send(post(base + "/plan/proposals/" + proposal), "{\"decision\": \"kanskje\"}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"))
                .andExpect(jsonPath("$.errors[0].message").value("Velg om forslaget skal tas inn."));
        send(post(base + "/plan/proposals/" + proposal), "{\"decision\": \"reject\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> plans.plan(person).openProposals()).stream()
                .map(Proposal::id)).contains(proposal);
        send(post(base + "/plan/proposals/" + proposal), "{\"decision\": \"reject\", \"comment\": \"Senere\"}", "en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals[?(@.id == '" + proposal + "')].status").value("REJECTED"));
    }

    @Test
    void aMappingWithARatingOutOfRangeNamesTheArea() throws Exception {
        send(post(base + "/mappings"), "{\"mappedOn\": \"" + LocalDate.now(clock) + "\", \"areas\": [null, {\"rating\": 11}]}",
                "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("areas[1].rating"));
        send(post(base + "/mappings"), "{\"areas\": [{\"rating\": \"fire\"}]}", "nb")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("areas[0].rating"));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> mappings.ofPerson(person))).isEmpty();
    }

    @Autowired
    Mappings mappings;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private UUID aGoal(String text) throws Exception {
        UUID id = UUID.randomUUID();
        send(post(base + "/plan/goals").header("Idempotency-Key", id.toString()),
                "{\"lifeArea\": \"HOUSING\", \"text\": \"" + text + "\"}", "nb").andExpect(status().isCreated());
        return id;
    }

    private long goals(String text) {
        return People.asSystem(DEMO_RECOVERY, () -> plans.plan(person).allGoals().stream()
                .filter(g -> g.text().equals(text)).count());
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        request.header("Authorization", bearer("demo-admin")).header("Accept-Language", language);
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}

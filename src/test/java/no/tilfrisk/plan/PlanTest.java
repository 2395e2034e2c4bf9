package no.tilfrisk.plan;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class PlanTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserAccounts users;
    @Autowired
    Plans plans;
    @Autowired
    Mappings mappings;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSubjectRights rights;

    @Test
    void everyChangeToThePlanIsKeptWithWhoWhenBeforeAndAfter() throws Exception {
        UUID person = person("Historikk");
        UUID goal = UUID.randomUUID();
        // a double submit adds one goal
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/persons/" + person + "/plan/goals").with(user(staff())).with(csrf())
                            .param("formId", goal.toString()).param("lifeArea", "HOUSING")
                            .param("text", "Egen leilighet").param("status", "NOT_STARTED"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(count("plan_goal", person)).isEqualTo(1);
        mvc.perform(post("/persons/" + person + "/plan/goals/" + goal).with(user(staff())).with(csrf())
                        .param("lifeArea", "HOUSING").param("text", "Egen leilighet før jul").param("status", "IN_PROGRESS"))
                .andExpect(status().is3xxRedirection());
        // the same again changes nothing and writes no history
        mvc.perform(post("/persons/" + person + "/plan/goals/" + goal).with(user(staff())).with(csrf())
                        .param("lifeArea", "HOUSING").param("text", "Egen leilighet før jul").param("status", "IN_PROGRESS"))
                .andExpect(status().is3xxRedirection());

        Plan plan = asStaff(() -> plans.plan(person));
        assertThat(plan.history()).hasSize(2);
        PlanChange changed = plan.history().get(0);
        assertThat(changed.actorName()).isEqualTo("Anders Ansatt");
        assertThat(changed.entity()).isEqualTo("GOAL");
        assertThat(changed.fieldGroup()).isEqualTo("changed");
        assertThat(changed.fields()).containsExactlyInAnyOrder(
                new PlanChange.FieldChange("text", "Egen leilighet", "Egen leilighet før jul"),
                new PlanChange.FieldChange("status", "NOT_STARTED", "IN_PROGRESS"));
        PlanChange created = plan.history().get(1);
        assertThat(created.fieldGroup()).isEqualTo("created");
        assertThat(created.fields()).contains(new PlanChange.FieldChange("text", null, "Egen leilighet"));

        // an action marked reached: a status change, shown on the plan page with before and after
        UUID action = asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Ringe boligkontoret", Responsible.PARTICIPANT, null, today().plusDays(3))));
        mvc.perform(post("/persons/" + person + "/plan/actions/" + action + "/done").with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        PlanChange done = asStaff(() -> plans.plan(person)).history().get(0);
        assertThat(done.fieldGroup()).isEqualTo("status");
        assertThat(done.fields()).containsExactly(new PlanChange.FieldChange("status", "NOT_STARTED", "REACHED"));
        mvc.perform(get("/persons/" + person + "/plan").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Egen leilighet før jul")))
                .andExpect(content().string(containsString("<del>Egen leilighet</del>")))
                .andExpect(content().string(containsString("<del>Ikke startet</del>")))
                .andExpect(content().string(containsString("<ins>Nådd</ins>")));
        // and on the person's timeline
        mvc.perform(get("/persons/" + person).with(user(staff())))
                .andExpect(content().string(containsString("Nytt mål i planen")))
                .andExpect(content().string(containsString("Status for tiltak endret")));
    }

    @Test
    void aProposalFromThePortalChangesNothingUntilAGuideAcceptsIt() throws Exception {
        UUID person = person("Forslag");
        UserDetails participant = participantOf(person);
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(LifeArea.LEISURE, "Gå tur")));
        String before = planState(person);

        UUID newGoal = UUID.randomUUID();
        UUID change = UUID.randomUUID();
        for (int i = 0; i < 2; i++) { // a double submit proposes once
            mvc.perform(post("/min-side/plan/forslag").with(user(participant)).with(csrf())
                    .param("formId", newGoal.toString()).param("lifeArea", "NETWORK").param("text", "Bli kjent med naboen"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/min-side/plan/forslag").with(user(participant)).with(csrf())
                        .param("formId", change.toString()).param("goalId", goal.toString()).param("text", "Gå tur hver dag"))
                .andExpect(status().is3xxRedirection());
        assertThat(planState(person)).isEqualTo(before);
        assertThat(count("plan_proposal", person)).isEqualTo(2);
        mvc.perform(get("/min-side/plan").with(user(participant)))
                .andExpect(content().string(containsString("Bli kjent med naboen")))
                .andExpect(content().string(containsString("Venter på svar")));

        // the guide sees both; rejecting needs a comment
        mvc.perform(get("/persons/" + person + "/plan").with(user(staff())))
                .andExpect(content().string(containsString("Forslag fra deltakeren")))
                .andExpect(content().string(containsString("Bli kjent med naboen")));
        mvc.perform(post("/persons/" + person + "/plan/proposals/" + change).with(user(staff())).with(csrf())
                .param("decision", "reject")).andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("actionError", "plan.proposal.comment.required"));
        assertThat(planState(person)).isEqualTo(before);

        mvc.perform(post("/persons/" + person + "/plan/proposals/" + newGoal).with(user(staff())).with(csrf())
                .param("decision", "accept")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/persons/" + person + "/plan/proposals/" + change).with(user(staff())).with(csrf())
                .param("decision", "reject").param("comment", "La oss snakke om det neste gang"))
                .andExpect(status().is3xxRedirection());
        Plan plan = asStaff(() -> plans.plan(person));
        assertThat(plan.goals()).extracting(Goal::text).containsExactlyInAnyOrder("Gå tur", "Bli kjent med naboen");
        assertThat(plan.goals()).filteredOn(g -> g.text().equals("Bli kjent med naboen"))
                .singleElement().extracting(Goal::lifeArea).isEqualTo(LifeArea.NETWORK);
        assertThat(plan.openProposals()).isEmpty();
        // a decided proposal stays decided
        mvc.perform(post("/persons/" + person + "/plan/proposals/" + change).with(user(staff())).with(csrf())
                .param("decision", "accept")).andExpect(MockMvcResultMatchers
                .flash().attribute("actionError", "plan.proposal.decided"));
        assertThat(asStaff(() -> plans.plan(person)).goals()).extracting(Goal::text).doesNotContain("Gå tur hver dag");
    }

    @Test
    void theParticipantMarksTheirOwnActionsDoneAndNoOneElses() throws Exception {
        UUID person = person("Egne tiltak");
        UserDetails participant = participantOf(person);
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(LifeArea.ECONOMY, "Oversikt over regninger")));
        UUID mine = asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Samle regningene", Responsible.PARTICIPANT, null, null)));
        UUID staffs = asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Ringe NAV", Responsible.STAFF, staffId(), null)));
        UUID other = person("Annen");
        UUID othersGoal = asStaff(() -> plans.addGoal(UUID.randomUUID(), other, goal(LifeArea.ECONOMY, "Annens mål")));
        UUID othersAction = asStaff(() -> plans.addAction(UUID.randomUUID(), other, othersGoal,
                action("Annens tiltak", Responsible.PARTICIPANT, null, null)));

        mvc.perform(post("/min-side/plan/actions/" + staffs + "/done").with(user(participant)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/min-side/plan/actions/" + othersAction + "/done").with(user(participant)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/min-side/plan/actions/" + mine + "/done").with(user(participant)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(asStaff(() -> plans.plan(person)).allActions())
                .extracting(PlanAction::text, PlanAction::status)
                .containsExactlyInAnyOrder(Tuple.tuple("Samle regningene", PlanStatus.REACHED),
                        Tuple.tuple("Ringe NAV", PlanStatus.NOT_STARTED));
        assertThat(asStaff(() -> plans.plan(other)).allActions()).extracting(PlanAction::status)
                .containsExactly(PlanStatus.NOT_STARTED);
        PlanChange change = asStaff(() -> plans.plan(person)).history().get(0);
        assertThat(change.actorName()).isEqualTo(((TilfriskUser) participant).displayName());

        // a proposal on another person's goal: a clear error, nothing saved
        String page = mvc.perform(post("/min-side/plan/forslag").with(user(participant)).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("goalId", othersGoal.toString())
                        .param("text", "Mitt forslag"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Målet finnes ikke i planen din.").doesNotContain("Annens mål");
        assertThat(count("plan_proposal", other) + count("plan_proposal", person)).isZero();
    }

    @Test
    void badInputGetsAClearMessageAndNothingIsHalfSaved() throws Exception {
        UUID person = person("Feil");
        String page = mvc.perform(post("/persons/" + person + "/mappings").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("mappedOn", today().toString())
                        .param("areas[0].rating", "0").param("areas[1].rating", "11")
                        .param("areas[3].rating", "7").param("newInterests", "Sjakk"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("Vurderingen må være et helt tall fra 1 til 10.", -1)).hasSize(5); // two fields, each on top and by the field
        mvc.perform(post("/persons/" + person + "/mappings").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("mappedOn", today().toString())
                        .param("areas[2].rating", "tre").param("newInterests", "Sjakk"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv et helt tall.")));
        assertThat(count("plan_mapping", person)).isZero();
        Long sjakk = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM plan_interest WHERE name = 'Sjakk'").query(Long.class).single()));
        assertThat(sjakk).isZero();

        InvalidInputException empty = Assertions.assertThrows(InvalidInputException.class,
                () -> asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(null, "  "))));
        assertThat(empty.all()).extracting(InvalidInputException::code)
                .containsExactlyInAnyOrder("plan.goal.lifeArea.required", "plan.goal.text.required");
        assertThat(count("plan_goal", person)).isZero();

        // in English too, and a target date that has passed
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(LifeArea.LEGAL, "Ordne saken")));
        mvc.perform(post("/persons/" + person + "/plan/goals/" + goal + "/actions").with(user(staff())).with(csrf())
                        .param("lang", "en").param("formId", UUID.randomUUID().toString()).param("text", "Møte advokat")
                        .param("responsible", "STAFF").param("targetDate", today().minusDays(1).toString())
                        .param("status", "NOT_STARTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The target date cannot be in the past.")))
                .andExpect(content().string(containsString("Choose the staff member who is responsible.")));
        assertThat(count("plan_action", person)).isZero();
        mvc.perform(post("/persons/" + person + "/plan/goals/" + goal + "/evaluations").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("evaluatedOn", today().plusDays(1).toString())
                        .param("whatHappened", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Evalueringen kan ikke være fram i tid.")))
                .andExpect(content().string(containsString("Skriv hva som har skjedd.")));
        assertThat(count("plan_evaluation", person)).isZero();
        // the API: problem+json, not a 500
        mvc.perform(get("/api/v1/persons/not-a-uuid/plan").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound());
    }

    @Test
    void mappingsAreRecordedWithNewInterestsAndComparedSideBySide() throws Exception {
        UUID person = person("Kartlegging");
        String tag = "Klatring " + UUID.randomUUID().toString().substring(0, 4);
        UUID first = asStaff(() -> mappings.record(UUID.randomUUID(), person, mapping(today().minusDays(120))
                .area(LifeArea.HOUSING, 3, "Hybel").area(LifeArea.NETWORK, 6, null)
                .area(LifeArea.LEISURE, 2, "Ingenting")));
        MappingForm later = mapping(today()).area(LifeArea.HOUSING, 7, "Egen leilighet").area(LifeArea.NETWORK, 5, null)
                .area(LifeArea.LEGAL, 4, null);
        later.setNewInterests(tag + ", " + tag.toUpperCase() + ", Fiske");
        UUID second = asStaff(() -> mappings.record(UUID.randomUUID(), person, later));
        Mapping saved = asStaff(() -> mappings.get(person, second));
        assertThat(saved.interests()).hasSize(2).contains(tag);

        MappingComparison c = asStaff(() -> mappings.compare(person, second, first));
        assertThat(c.earlier().id()).isEqualTo(first);
        assertThat(c.rows()).extracting(MappingComparison.Row::area, MappingComparison.Row::then,
                        MappingComparison.Row::now, MappingComparison.Row::difference)
                .containsExactly(
                        Tuple.tuple(LifeArea.HOUSING, 3, 7, 4),
                        Tuple.tuple(LifeArea.NETWORK, 6, 5, -1),
                        Tuple.tuple(LifeArea.LEISURE, 2, null, null),
                        Tuple.tuple(LifeArea.LEGAL, null, 4, null));
        mvc.perform(get("/persons/" + person + "/mappings/compare").param("a", first.toString())
                        .param("b", second.toString()).with(user(staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("+4")))
                .andExpect(content().string(containsString("Egen leilighet")));
        mvc.perform(get("/persons/" + person + "/mappings/new").with(user(staff())))
                .andExpect(content().string(containsString(tag)))
                .andExpect(content().string(containsString("for=\"areas0.rating\"")))
                .andExpect(content().string(containsString("id=\"areas0.rating\"")));
        mvc.perform(get("/persons/" + person).with(user(staff())))
                .andExpect(content().string(containsString("Kartlegging")));
    }

    @Test
    void evaluationsAndActionsDueAreOnTheStaffMembersTaskListSoonestFirst() throws Exception {
        String name = "Oppgave " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        GoalForm form = goal(LifeArea.HOUSING, "Bolig");
        form.setNextEvaluationOn(today().plusDays(2));
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, form));
        UUID action = asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Skrive søknad", Responsible.STAFF, staffId(), today().plusDays(1))));
        asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Langt fram", Responsible.STAFF, staffId(), today().plusDays(200))));

        String page = mvc.perform(get("/").with(user(staff()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tiltak – " + name + ": Skrive søknad").contains("Evaluer mål – " + name + ": Bolig")
                .doesNotContain("Langt fram");
        assertThat(page.indexOf("Tiltak – " + name)).isLessThan(page.indexOf("Evaluer mål – " + name));
        // not the coordinator's: they are not responsible and follow no plan of this person (a measurement due for
        // the new participant may show on their list, which is the outcome module's)
        mvc.perform(get("/").with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(content().string(not(containsString("Tiltak – " + name))))
                .andExpect(content().string(not(containsString("Evaluer mål – " + name))));

        mvc.perform(post("/persons/" + person + "/plan/actions/" + action + "/done").with(user(staff())).with(csrf())
                .param("from", "start")).andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/"));
        EvaluationForm evaluation = new EvaluationForm();
        evaluation.setEvaluatedOn(today());
        evaluation.setWhatHappened("Søknaden er sendt");
        asStaff(() -> plans.addEvaluation(UUID.randomUUID(), person, goal, evaluation));
        mvc.perform(get("/").with(user(staff())))
                .andExpect(content().string(not(containsString("Tiltak – " + name))))
                .andExpect(content().string(not(containsString("Evaluer mål – " + name))));
        closeAll(person);
    }

    @Test
    void utfortOnAnActionCanBeUndoneForAMinuteBackToItsStatus() throws Exception {
        UUID person = person("Angre tiltak");
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(LifeArea.HOUSING, "Bolig")));
        ActionForm form = action("Ringe NAV", Responsible.STAFF, staffId(), today().plusDays(1));
        form.setStatus(PlanStatus.IN_PROGRESS);
        UUID action = asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal, form));
        assertThat(actionStatus(action)).isEqualTo("IN_PROGRESS");

        var done = mvc.perform(post("/persons/" + person + "/plan/actions/" + action + "/done").with(user(staff()))
                        .with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String undoHref = "/persons/" + person + "/plan/actions/" + action + "/undo-done?status=IN_PROGRESS";
        assertThat(done.getFlashMap().get("undoHref")).isEqualTo(undoHref);
        assertThat(actionStatus(action)).isEqualTo("REACHED");
        // not by another, not to a closed status; by the one who marked it, within the minute: back to IN_PROGRESS
        mvc.perform(post(undoHref).with(user(accounts.loadUserByUsername("admin@demo.tilfrisk.no"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/persons/" + person + "/plan/actions/" + action + "/undo-done").param("status", "CLOSED")
                .with(user(staff())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(actionStatus(action)).isEqualTo("REACHED");
        mvc.perform(post(undoHref).param("from", "start").with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(MockMvcResultMatchers.redirectedUrl("/"));
        assertThat(actionStatus(action)).isEqualTo("IN_PROGRESS");

        // done again, and 61 seconds pass: refused, it stays reached
        mvc.perform(post("/persons/" + person + "/plan/actions/" + action + "/done").with(user(staff())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql(
                "UPDATE plan_action SET updated_at = updated_at - interval '61 seconds' WHERE id = ?").param(action).update()));
        var late = mvc.perform(post(undoHref).with(user(staff())).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(late.getFlashMap().get("actionError")).isEqualTo("start.tasks.undoTooLate");
        assertThat(actionStatus(action)).isEqualTo("REACHED");
        closeAll(person);
    }

    private String actionStatus(UUID action) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT status FROM plan_action WHERE id = ?")
                .param(action).query(String.class).single()));
    }

    @Test
    void theParticipantsTokenReadsOnlyTheirOwnPlanAndTheDemoPlanIsThere() throws Exception {
        UUID dag = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> users.personOf(
                ((TilfriskUser) accounts.loadUserByUsername("deltaker@demo.tilfrisk.no")).userId()).orElseThrow()));
        String json = mvc.perform(get("/api/v1/persons/" + dag + "/plan").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.personName").value("Dag"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("HOUSING", "WORK_EDUCATION", "LEISURE");
        Plan plan = asStaff(() -> plans.plan(dag));
        assertThat(plan.goals()).extracting(Goal::lifeArea)
                .containsExactly(LifeArea.HOUSING, LifeArea.WORK_EDUCATION, LifeArea.LEISURE);
        assertThat(plan.allGoals()).hasSize(5);
        assertThat(plan.allEvaluations()).hasSize(1);
        assertThat(plan.allActions()).extracting(PlanAction::responsible).contains(Responsible.PARTICIPANT, Responsible.STAFF);
        mvc.perform(get("/api/v1/persons/" + dag + "/mappings").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].areas[0].rating").value(5))
                .andExpect(jsonPath("$[1].areas[0].rating").value(3));
        mvc.perform(get("/api/v1/persons/" + dag + "/plan/actions").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(plan.allActions().size()));

        // another participant, or an id guessed: 404 alike
        UUID other = person("Gjettet");
        for (UUID id : List.of(other, UUID.randomUUID())) {
            for (String path : List.of("/plan", "/plan/goals", "/plan/actions", "/plan/evaluations", "/mappings")) {
                mvc.perform(get("/api/v1/persons/" + id + path).header("Authorization", bearer("demo-deltaker")))
                        .andExpect(status().isNotFound());
            }
        }
        // the participant's pages: their own plan and mappings, plain
        UserDetails deltaker = accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        mvc.perform(get("/min-side/plan").with(user(deltaker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jeg vil ha min egen leilighet før jul.")))
                .andExpect(content().string(containsString("Jeg har gjort dette")));
        mvc.perform(get("/min-side/kartlegging").with(user(deltaker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rusfri i seks måneder.")));
        // but not the staff pages, not even about himself
        mvc.perform(get("/persons/" + dag + "/plan").with(user(deltaker)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
    }

    @Test
    void erasingAPersonRemovesTheirWordsAndKeepsRatingsAndStatuses() throws Exception {
        UUID person = person("Slettes");
        UUID mapping = asStaff(() -> mappings.record(UUID.randomUUID(), person, mapping(today())
                .area(LifeArea.HOUSING, 4, "Mine egne ord").area(LifeArea.LEGAL, null, "Bare ord")));
        UUID goal = asStaff(() -> plans.addGoal(UUID.randomUUID(), person, goal(LifeArea.HOUSING, "Hemmelig mål")));
        asStaff(() -> plans.addAction(UUID.randomUUID(), person, goal,
                action("Hemmelig tiltak", Responsible.RELATIVE, null, null)));
        People.asSystem(DEMO_RECOVERY, () -> {
            rights.erase(person, true);
            return null;
        });
        String left = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT string_agg(concat_ws('/', life_area, rating,
                                                            CASE WHEN own_words_encrypted IS NOT NULL THEN 'ord' END),
                                                  ',' ORDER BY life_area)
                                  FROM plan_mapping_area WHERE mapping_id = :m),
                               (SELECT string_agg(concat_ws('/', text, status), ',') FROM plan_goal WHERE person_id = :p),
                               (SELECT string_agg(concat_ws('/', text, status), ',') FROM plan_action WHERE person_id = :p),
                               (SELECT count(*) FROM plan_change WHERE person_id = :p AND (before IS NOT NULL OR after IS NOT NULL)))""")
                .param("m", mapping).param("p", person).query(String.class).single()));
        // housing keeps its rating without the words; the legal area had words only, and is gone
        assertThat(left).isEqualTo("HOUSING/4|–/NOT_STARTED|–/NOT_STARTED|0");
    }

    // ---------------------------------------------------------------- helpers

    private UUID person(String prefix) {
        return people.register(DEMO_RECOVERY, "Skien", prefix + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A fresh participant account linked to the person. */
    private UserDetails participantOf(UUID person) {
        var account = testAccounts.create(DEMO_RECOVERY, Role.PARTICIPANT, Set.of());
        People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> {
            users.linkPerson(account.id(), person);
            return null;
        }));
        return accounts.loadUserByUsername(account.email());
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername("ansatt@demo.tilfrisk.no");
    }

    private UUID staffId() {
        return ((TilfriskUser) staff()).userId();
    }

    private <T> T asStaff(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }

    private long count(String table, UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT count(*) FROM " + table
                + " WHERE person_id = ?").param(person).query(Long.class).single()));
    }

    /** The goals and actions as they stand. */
    private String planState(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|', (SELECT string_agg(concat_ws('/', id, life_area, text, status, updated_at), ',' ORDER BY id)
                                                 FROM plan_goal WHERE person_id = :p),
                                              (SELECT string_agg(concat_ws('/', id, text, status, updated_at), ',' ORDER BY id)
                                                 FROM plan_action WHERE person_id = :p))""")
                .param("p", person).query(String.class).single()));
    }

    private void closeAll(UUID person) {
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            db.sql("UPDATE plan_action SET status = 'CLOSED' WHERE person_id = ?").param(person).update();
            db.sql("UPDATE plan_goal SET status = 'CLOSED' WHERE person_id = ?").param(person).update();
        }));
    }

    static GoalForm goal(LifeArea area, String text) {
        GoalForm form = new GoalForm();
        form.setLifeArea(area);
        form.setText(text);
        return form;
    }

    static ActionForm action(String text, Responsible responsible, UUID staff, LocalDate target) {
        ActionForm form = new ActionForm();
        form.setText(text);
        form.setResponsible(responsible);
        form.setResponsibleUserId(staff);
        form.setTargetDate(target);
        return form;
    }

    static MappingForm mapping(LocalDate on) {
        MappingForm form = new MappingForm();
        form.setMappedOn(on);
        return form;
    }

    static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}

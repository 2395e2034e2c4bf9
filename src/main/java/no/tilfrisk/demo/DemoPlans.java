package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.EvaluationForm;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.MappingForm;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Responsible;
import org.springframework.stereotype.Component;

/**
 * Mappings and plans, through the same services as the pages. Dag Deltaker has two mappings about four months
 * apart and a plan with goals in three life areas, sub-goals, actions (his own, the demo staff member's, a
 * volunteer's and NAV's; one due within days) and an evaluation. A few other participants in Skien have one
 * mapping and a goal with an action.
 */
@Component
class DemoPlans {

    private final Plans plans;
    private final Mappings mappings;
    private final PersonDirectory persons;
    private final Clock clock;

    DemoPlans(Plans plans, Mappings mappings, PersonDirectory persons, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.mappings = mappings;
        this.persons = persons;
    }

    void write(Department skien, UUID dag, UUID staff) {
        LocalDate today = LocalDate.now(clock);
        mappings.record(UUID.randomUUID(), dag, withDate(new MappingForm()
                .area(LifeArea.HOUSING, 3, "Bor på hybel, vil ha egen leilighet.")
                .area(LifeArea.ECONOMY, 4, "Har gjeld, får sosialhjelp.")
                .area(LifeArea.WORK_EDUCATION, 2, "Har ikke jobbet på tre år.")
                .area(LifeArea.NETWORK, 3, "Mest alene. Savner folk å gjøre ting med.")
                .area(LifeArea.PHYSICAL_HEALTH, 5, null)
                .area(LifeArea.MENTAL_HEALTH, 4, "Mye uro om kveldene.")
                .area(LifeArea.SUBSTANCE_USE, 6, "Rusfri i to måneder.")
                .area(LifeArea.LEISURE, 2, "Vet ikke hva jeg liker å gjøre lenger."), today.minusDays(128),
                "Egen leilighet med plass til at ungene kan komme på besøk.", "Flink med hendene. Holder avtaler.",
                "Kveldene og helgene.", List.of("Fiske", "Snekring")));
        mappings.record(UUID.randomUUID(), dag, withDate(new MappingForm()
                .area(LifeArea.HOUSING, 5, "Har søkt kommunal bolig.")
                .area(LifeArea.ECONOMY, 5, "Har fått avtale om nedbetaling.")
                .area(LifeArea.WORK_EDUCATION, 4, "Prøver arbeidstrening to dager i uka.")
                .area(LifeArea.NETWORK, 5, "Er med i friluftsgruppa.")
                .area(LifeArea.PHYSICAL_HEALTH, 6, null)
                .area(LifeArea.MENTAL_HEALTH, 5, "Bedre søvn.")
                .area(LifeArea.SUBSTANCE_USE, 7, "Rusfri i seks måneder.")
                .area(LifeArea.LEISURE, 5, "Fisker med en frivillig annenhver uke."), today.minusDays(6),
                "Egen leilighet og fast jobb i verksted.", "Holder avtaler. Blir med på ting.", "Økonomien.",
                List.of("Fiske", "Friluftsliv")));

        UUID housing = goal(dag, LifeArea.HOUSING, "Jeg vil ha min egen leilighet før jul.", PlanStatus.IN_PROGRESS,
                today.plusDays(3));
        UUID application = subGoal(dag, housing, "Få svar på søknaden om kommunal bolig.", PlanStatus.IN_PROGRESS);
        action(dag, application, "Ringe boligkontoret og spørre om søknaden.", Responsible.PARTICIPANT, null, null,
                today.plusDays(4), PlanStatus.NOT_STARTED);
        action(dag, application, "Skrive uttalelse til søknaden.", Responsible.STAFF, staff, null,
                today.plusDays(2), PlanStatus.IN_PROGRESS);
        action(dag, housing, "Søke om bostøtte.", Responsible.PARTNER, null, "NAV Skien", today.plusDays(30),
                PlanStatus.NOT_STARTED);
        UUID work = goal(dag, LifeArea.WORK_EDUCATION, "Jeg vil jobbe med hendene igjen.", PlanStatus.IN_PROGRESS,
                today.plusDays(40));
        UUID training = subGoal(dag, work, "Fullføre arbeidstreningen på verkstedet.", PlanStatus.IN_PROGRESS);
        action(dag, training, "Møte på verkstedet tirsdag og torsdag.", Responsible.PARTICIPANT, null, null,
                null, PlanStatus.IN_PROGRESS);
        action(dag, work, "Avtale møte med NAV om arbeidsrettet oppfølging.", Responsible.STAFF, staff, null,
                today.plusDays(12), PlanStatus.NOT_STARTED);
        UUID leisure = goal(dag, LifeArea.LEISURE, "Finne noe å gjøre i helgene sammen med andre.",
                PlanStatus.IN_PROGRESS, null);
        action(dag, leisure, "Bli med på friluftsgruppa.", Responsible.PARTICIPANT, null, null, null, PlanStatus.REACHED);
        action(dag, leisure, "Fiske sammen annenhver lørdag.", Responsible.VOLUNTEER, null, "Frida Frivillig", null,
                PlanStatus.IN_PROGRESS);
        EvaluationForm evaluation = new EvaluationForm();
        evaluation.setEvaluatedOn(today.minusDays(20));
        evaluation.setWhatHappened("Dag har vært med på friluftsgruppa fire ganger og trives.");
        evaluation.setNextStep("Prøve fisketuren med frivillig.");
        evaluation.setNextEvaluationOn(today.plusDays(60));
        plans.addEvaluation(UUID.randomUUID(), dag, leisure, evaluation);

        // simpler plans for a few other participants in Skien
        List<PersonSummary> others = persons.search("", skien.id(), PersonRole.PARTICIPANT, 0, 100).items().stream()
                .filter(p -> !p.id().equals(dag)).limit(3).toList();
        LifeArea[] areas = {LifeArea.NETWORK, LifeArea.ECONOMY, LifeArea.PHYSICAL_HEALTH};
        String[] texts = {"Få en venn å gå tur med.", "Få oversikt over regningene.", "Gå en tur hver dag."};
        for (int i = 0; i < others.size(); i++) {
            UUID person = others.get(i).id();
            mappings.record(UUID.randomUUID(), person, withDate(new MappingForm().area(LifeArea.NETWORK, 4 + i, null)
                    .area(LifeArea.LEISURE, 3, null), today.minusDays(30 + 10 * i), null, null, null, List.of("Turgåing")));
            UUID goal = goal(person, areas[i], texts[i], PlanStatus.NOT_STARTED, today.plusDays(20 + 7 * i));
            action(person, goal, "Snakke med veileder om første steg.", Responsible.STAFF, staff, null,
                    today.plusDays(5 + 3 * i), PlanStatus.NOT_STARTED);
        }
    }

    private static MappingForm withDate(MappingForm form, LocalDate on, String dreams, String strengths,
                                        String challenges, List<String> interests) {
        form.setMappedOn(on);
        form.setDreams(dreams);
        form.setStrengths(strengths);
        form.setChallenges(challenges);
        form.setNewInterests(String.join(", ", interests));
        return form;
    }

    private UUID goal(UUID person, LifeArea area, String text, PlanStatus status, LocalDate nextEvaluation) {
        GoalForm form = new GoalForm();
        form.setLifeArea(area);
        form.setText(text);
        form.setStatus(status);
        form.setNextEvaluationOn(nextEvaluation);
        return plans.addGoal(UUID.randomUUID(), person, form);
    }

    private UUID subGoal(UUID person, UUID parent, String text, PlanStatus status) {
        GoalForm form = new GoalForm();
        form.setParentId(parent);
        form.setText(text);
        form.setStatus(status);
        return plans.addGoal(UUID.randomUUID(), person, form);
    }

    private void action(UUID person, UUID goal, String text, Responsible responsible, UUID staff, String name,
                        LocalDate target, PlanStatus status) {
        ActionForm form = new ActionForm();
        form.setText(text);
        form.setResponsible(responsible);
        form.setResponsibleUserId(staff);
        form.setResponsibleName(name);
        form.setTargetDate(target);
        form.setStatus(status);
        plans.addAction(UUID.randomUUID(), person, goal, form);
    }
}

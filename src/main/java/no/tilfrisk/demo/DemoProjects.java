package no.tilfrisk.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.project.ProjectForm;
import no.tilfrisk.project.Projects;
import org.springframework.stereotype.Component;

/**
 * The demo project «Steg for steg», shaped like seed 003: funded by Stiftelsen Dam from last year to the end of this
 * year, linked to the Skien activities, with Dag and seven more Skien participants, of whom five have a main goal
 * in their plan (three reached), so that the final report shows reach, activities, goals and narrative.
 */
@Component
class DemoProjects {

    static final String NAME = "Steg for steg";

    private final Projects projects;
    private final Activities activities;
    private final PersonLookup persons;
    private final Plans plans;
    private final Clock clock;

    DemoProjects(Projects projects, Activities activities, PersonLookup persons, Plans plans, Clock clock) {
        this.clock = clock;
        this.projects = projects;
        this.activities = activities;
        this.persons = persons;
        this.plans = plans;
    }

    void write(Department skien, UUID dag) {
        LocalDate today = LocalDate.now(clock);
        int lastYear = today.getYear() - 1;
        ProjectForm f = new ProjectForm();
        f.setName(NAME);
        f.setFunder("Stiftelsen Dam");
        f.setProgramme("Helse høst " + (lastYear - 1));
        f.setProjectLead("Kari Koordinator");
        f.setStartsOn(LocalDate.of(lastYear, 1, 2));
        f.setEndsOn(LocalDate.of(lastYear + 1, 12, 31));
        f.setTargetGroup("Mennesker med rus- og avhengighetsrelaterte problemer som enten er i behandling eller har "
                + "avsluttet behandling.");
        f.setPlannedReach(40);
        f.setGoalTargetPercent(80);
        f.setGoals("""
                80 % av deltakerne har oppnådd sine hovedmål som ble satt ved oppstart i prosjektet
                Deltakerne har etablert nye sosiale nettverk, opplever tilhørighet og er inkludert i storsamfunnet
                Deltakerne har gått fra å være hjelpemottaker til å være bidragsyter""");
        f.setGrants(new ArrayList<>(List.of(new ProjectForm.GrantLine(lastYear, new BigDecimal("600000")),
                new ProjectForm.GrantLine(lastYear + 1, new BigDecimal("400000")))));
        f.setBackgroundMd("""
                Steg for steg er et overgangstilbud for mennesker med avhengighetsproblematikk som ønsker et
                **«helt vanlig liv»**. Tilbudet er tilgjengelig før, under og etter behandling eller soning.

                En gjennomgående utfordring er *ensomhet*. Steg for steg tilbyr et alternativ til tidligere nettverk
                og aktiviteter.""");
        f.setMethodMd("""
                En kartleggingssamtale mellom deltakeren og veileder er utgangspunktet. Deltakeren formulerer sine mål
                og setter opp en plan sammen med veileder. Alle får tilbud om kontakt med en tidgiver.

                - Brukermedvirkning gjennom brukerråd
                - Empowerment i det daglige arbeidet
                - Recovery som en individuell og sosial prosess""");
        f.setResultsMd("""
                Deltakerne er koblet med lag og foreninger i lokalsamfunnet, og mange har hatt fast kontakt med en
                tidgiver. Tallene over er hentet fra det som er registrert i Tilfrisk.""");
        f.setSummaryMd("""
                Vi har gode resultater på hva deltakerne har oppnådd av mål. Videre vil vi arbeide mer mot
                kriminalomsorgen, slik at tilbudet også når innsatte som skal ut i samfunnet igjen.""");
        UUID project = projects.create(UUID.randomUUID(), f);
        activities.list(skien.id(), f.getStartsOn(), f.getEndsOn())
                .forEach(o -> projects.linkActivity(project, o.activity().id()));
        projects.linkParticipant(project, dag);
        List<UUID> others = persons.findInDepartment(skien.id(), "", 40, "demo.project").stream()
                .map(PersonLookup.PersonName::id)
                .filter(id -> !id.equals(dag) && persons.hasCurrentRole(id, PersonRole.PARTICIPANT))
                .limit(7).toList();
        others.forEach(id -> projects.linkParticipant(project, id));
        String[] goals = {"Få egen leilighet", "Komme i jobb eller praksis", "Bli med i et turlag",
                "Gjenoppta kontakten med barna", "Fullføre videregående"};
        LifeArea[] areas = {LifeArea.HOUSING, LifeArea.WORK_EDUCATION, LifeArea.LEISURE, LifeArea.CHILDREN_FAMILY,
                LifeArea.WORK_EDUCATION};
        for (int i = 0; i < Math.min(goals.length, others.size()); i++) {
            GoalForm g = new GoalForm();
            g.setLifeArea(areas[i]);
            g.setText(goals[i]);
            g.setStatus(i < 3 ? PlanStatus.REACHED : PlanStatus.IN_PROGRESS);
            plans.addGoal(UUID.randomUUID(), others.get(i), g);
        }
    }
}

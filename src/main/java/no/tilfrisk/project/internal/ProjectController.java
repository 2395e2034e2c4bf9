package no.tilfrisk.project.internal;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.project.Project;
import no.tilfrisk.project.ProjectForm;
import no.tilfrisk.project.Projects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The projects' pages: the list, a project with its linked activities and participants (and a search to add
 * participants), and the form. Rights in the service; report readers see the list with links to the reports only.
 */
@Controller
class ProjectController {

    /** How many grant rows the form offers empty. */
    static final int BLANK_GRANT_ROWS = 3;

    private final Projects projects;
    private final Activities activities;
    private final PersonLookup persons;
    private final Departments departments;

    ProjectController(Projects projects, Activities activities, PersonLookup persons, Departments departments) {
        this.projects = projects;
        this.activities = activities;
        this.persons = persons;
        this.departments = departments;
    }

    @GetMapping("/projects")
    String list(Model model) {
        model.addAttribute("projects", projects.list());
        model.addAttribute("mayKeep", Projects.mayKeep());
        return "project/list";
    }

    @GetMapping("/projects/new")
    String newProject(Model model) {
        projects.requireKeeper();
        model.addAttribute("form", new ProjectForm().withBlankGrantRows(BLANK_GRANT_ROWS));
        model.addAttribute("formId", UUID.randomUUID());
        return "project/form";
    }

    @PostMapping("/projects")
    String create(@RequestParam UUID formId, @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        projects.requireKeeper();
        if (!errors.hasErrors()) {
            try {
                UUID id = projects.create(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/projects/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        form.withBlankGrantRows(1);
        model.addAttribute("formId", formId);
        return "project/form";
    }

    /** A project; {@code q} searches the caller's departments for persons to add as participants. */
    @GetMapping("/projects/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        projects.requireKeeper();
        Project project = projects.get(id);
        List<Activity> linked = projects.activities(id);
        Set<UUID> linkedIds = linked.stream().map(Activity::id).collect(Collectors.toSet());
        List<PersonName> participants = projects.participants(id);
        Set<UUID> participantIds = participants.stream().map(PersonName::id).collect(Collectors.toSet());
        List<ActivityOverview> choices = activities.list(null, project.startsOn(), project.endsOn()).stream()
                .filter(o -> !linkedIds.contains(o.activity().id())).toList();
        List<PersonName> found = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            for (Department d : myDepartments()) {
                for (PersonName p : persons.findInDepartment(d.id(), q.strip(), 20, "project.participant.search")) {
                    if (!participantIds.contains(p.id()) && found.stream().noneMatch(x -> x.id().equals(p.id()))) {
                        found.add(p);
                    }
                }
            }
        }
        model.addAttribute("project", project);
        model.addAttribute("linkedActivities", linked);
        model.addAttribute("activityChoices", choices);
        model.addAttribute("participants", participants);
        model.addAttribute("hiddenParticipants", projects.hiddenParticipants(id));
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        model.addAttribute("mayDelete", Tenancy.currentPrincipal().map(p -> p.hasRole("ORG_ADMIN")).orElse(false));
        return "project/show";
    }

    @GetMapping("/projects/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        projects.requireKeeper();
        Project project = projects.get(id);
        model.addAttribute("project", project);
        model.addAttribute("form", ProjectForm.of(project).withBlankGrantRows(BLANK_GRANT_ROWS));
        return "project/form";
    }

    @PostMapping("/projects/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        projects.requireKeeper();
        Project project = projects.get(id);
        if (!errors.hasErrors()) {
            try {
                projects.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/projects/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        form.withBlankGrantRows(1);
        model.addAttribute("project", project);
        return "project/form";
    }

    @PostMapping("/projects/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        projects.delete(id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/projects";
    }

    @PostMapping("/projects/{id}/activities")
    String linkActivity(@PathVariable UUID id, @RequestParam(required = false) UUID activityId, RedirectAttributes redirect) {
        projects.requireKeeper();
        if (activityId == null) {
            projects.get(id);
            redirect.addFlashAttribute("linkError", "project.activity.required");
        } else {
            projects.linkActivity(id, activityId);
            redirect.addFlashAttribute("linked", true);
        }
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/activities/{activityId}/remove")
    String unlinkActivity(@PathVariable UUID id, @PathVariable UUID activityId, RedirectAttributes redirect) {
        projects.requireKeeper();
        projects.unlinkActivity(id, activityId);
        redirect.addFlashAttribute("unlinked", true);
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/participants")
    String linkParticipant(@PathVariable UUID id, @RequestParam UUID personId, RedirectAttributes redirect) {
        projects.requireKeeper();
        projects.linkParticipant(id, personId);
        redirect.addFlashAttribute("linked", true);
        return "redirect:/projects/" + id;
    }

    @PostMapping("/projects/{id}/participants/{personId}/remove")
    String unlinkParticipant(@PathVariable UUID id, @PathVariable UUID personId, RedirectAttributes redirect) {
        projects.requireKeeper();
        projects.unlinkParticipant(id, personId);
        redirect.addFlashAttribute("unlinked", true);
        return "redirect:/projects/" + id;
    }

    private List<Department> myDepartments() {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        return departments.list().stream()
                .filter(d -> caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(d.id())).toList();
    }

}

package no.tilfrisk.project.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.project.Project;
import no.tilfrisk.project.ProjectForm;
import no.tilfrisk.project.Projects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Funded projects: funder, grants per year, period, target group, planned reach, "
        + "goals, narrative (Markdown), linked activities and participants. For admins and coordinators.")
class ProjectApi {

    private final Projects projects;

    ProjectApi(Projects projects) {
        this.projects = projects;
    }

    /** A project with the ids of its linked activities (participants are listed apart, by name, audited). */
    record ProjectView(Project project, List<UUID> activityIds) {
    }

    @GetMapping
    @Operation(summary = "The organisation's projects, newest start first")
    List<Project> list() {
        projects.requireKeeper();
        return projects.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project with its linked activities")
    ProjectView get(@PathVariable UUID id) {
        projects.requireKeeper();
        return new ProjectView(projects.get(id), projects.activityIds(id));
    }

    @PostMapping
    @Operation(summary = "Create a project",
            description = "An Idempotency-Key header (a UUID), or else an id in the body, becomes the project's id, so a "
                    + "retried request creates one. goals: one per line; grants: [{year, amount}] in kroner.")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @Valid @RequestBody ProjectForm form) {
        UUID id = projects.create(IdempotencyKey.idFor(key, form.getId()), form);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a project (every field; grants replace the former ones)")
    ResponseEntity<Void> update(@PathVariable UUID id, @Valid @RequestBody ProjectForm form) {
        projects.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a project and its links (admins)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        projects.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/activities/{activityId}")
    @Operation(summary = "Link an activity the caller may see")
    ResponseEntity<Void> linkActivity(@PathVariable UUID id, @PathVariable UUID activityId) {
        projects.linkActivity(id, activityId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/activities/{activityId}")
    @Operation(summary = "Unlink an activity")
    ResponseEntity<Void> unlinkActivity(@PathVariable UUID id, @PathVariable UUID activityId) {
        projects.unlinkActivity(id, activityId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/participants")
    @Operation(summary = "The linked participants the caller may see, by name (audited)")
    List<PersonName> participants(@PathVariable UUID id) {
        return projects.participants(id);
    }

    @PutMapping("/{id}/participants/{personId}")
    @Operation(summary = "Link a person the caller may see as a participant")
    ResponseEntity<Void> linkParticipant(@PathVariable UUID id, @PathVariable UUID personId) {
        projects.linkParticipant(id, personId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/participants/{personId}")
    @Operation(summary = "Unlink a participant")
    ResponseEntity<Void> unlinkParticipant(@PathVariable UUID id, @PathVariable UUID personId) {
        projects.unlinkParticipant(id, personId);
        return ResponseEntity.noContent().build();
    }

}

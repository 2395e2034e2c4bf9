package no.tilfrisk.organisation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "Departments", description = "Locations or branches of the caller's organisation")
class DepartmentApi {

    private final Departments departments;

    DepartmentApi(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "All departments of the caller's organisation")
    List<Department> list() {
        return departments.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One department")
    Department get(@PathVariable UUID id) {
        return departments.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a department (organisation admin)",
            description = "Send an Idempotency-Key (a UUID) to make a retried request create nothing twice; "
                    + "it becomes the department's id.")
    ResponseEntity<Department> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                      @Valid @RequestBody DepartmentForm form) {
        Department created = departments.create(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a department (organisation admin)")
    Department update(@PathVariable UUID id, @Valid @RequestBody DepartmentForm form) {
        return departments.update(id, form);
    }
}

package no.tilfrisk.account.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisation;
import no.tilfrisk.organisation.Organisations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The caller")
class MeApi {

    record Me(UUID id, String email, String name, Organisation organisation, Set<Role> roles,
              List<Department> departments) {
    }

    private final Organisations organisations;
    private final Departments departments;

    MeApi(Organisations organisations, Departments departments) {
        this.organisations = organisations;
        this.departments = departments;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The caller's user, organisation, roles and departments")
    Me me() {
        TilfriskUser user = CurrentUser.get();
        List<Department> mine = departments.list().stream()
                .filter(d -> user.departmentIds().contains(d.id()))
                .toList();
        return new Me(user.userId(), user.email(), user.displayName(), organisations.current(), user.roles(), mine);
    }
}

package no.tilfrisk;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.tenancy.SystemPrincipal;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** Test persons in a given department, registered as the organisation's system admin. */
@TestComponent
public class People {

    private final PersonDirectory persons;
    private final Departments departments;
    private final Consents consents;

    public People(PersonDirectory persons, Departments departments, Consents consents) {
        this.persons = persons;
        this.departments = departments;
        this.consents = consents;
    }

    public UUID register(UUID organisation, String departmentName, String displayName) {
        return register(organisation, departmentName, displayName, PersonRole.PARTICIPANT);
    }

    /** A person with this one role from today. */
    public UUID register(UUID organisation, String departmentName, String displayName, PersonRole role) {
        return asSystem(organisation, () -> {
            PersonForm form = new PersonForm();
            form.setDisplayName(displayName);
            form.setRole(role);
            form.setDepartmentId(department(departmentName).id());
            form.setConfirmDuplicate(true);
            return ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        });
    }

    /** Must run inside {@link #asSystem}. */
    public PersonDetails details(UUID person) {
        return persons.get(person);
    }

    /** Gives a consent and returns its id. Must run inside {@link #asSystem}. */
    public UUID consent(UUID person) {
        return consents.give(person, new ConsentForm(ConsentPurpose.STATISTICS,
                ConsentMethod.VERBAL, null, null)).id();
    }

    public Department department(String name) {
        List<Department> all = departments.list();
        return all.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** Runs work signed in as this user (roles, departments and organisation as the account has them). */
    public static <T> T as(UserDetails user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static <T> T asSystem(UUID organisation, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(organisation),
                null, AuthorityUtils.createAuthorityList("ROLE_ORG_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            return Tenancy.runAs(organisation, work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

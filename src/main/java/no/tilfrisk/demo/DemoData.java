package no.tilfrisk.demo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.tenancy.SystemPrincipal;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisations of {@code ./mvnw spring-boot:run}: «Demo Recovery» with its departments and one user
 * per role, and «Annen Organisasjon» to try isolation with. Written once; a restart finds them and adds nothing.
 * {@link DemoStart} writes them while the context starts.
 */
@Component
@ConditionalOnProperty(name = "tilfrisk.demo.enabled", havingValue = "true")
class DemoData {

    static final UUID DEMO_RECOVERY = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    static final UUID OTHER_ORGANISATION = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    static final String PASSWORD = "tilfrisk-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final Departments departments;
    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final TransactionTemplate tx;
    private final DemoPersons persons;
    private final DemoContacts contacts;
    private final DemoActivities activities;
    private final DemoPlans plans;
    private final DemoOutcomes outcomes;
    private final DemoCollaboration collaboration;
    private final DemoReports reports;
    private final DemoProjects projects;
    private final DemoVolunteers volunteers;
    private final DemoPartners partners;
    private final DemoTransitions transitions;
    private final DemoLeisure leisure;
    private final DemoDirectory directory;

    DemoData(Organisations organisations, Departments departments, UserAccounts accounts, ApiTokens tokens,
             TransactionTemplate tx, DemoPersons persons, DemoActivities activities, DemoContacts contacts,
             DemoPlans plans, DemoOutcomes outcomes, DemoCollaboration collaboration, DemoReports reports,
             DemoProjects projects, DemoVolunteers volunteers, DemoPartners partners,
             DemoTransitions transitions, DemoLeisure leisure, DemoDirectory directory) {
        this.directory = directory;
        this.partners = partners;
        this.transitions = transitions;
        this.leisure = leisure;
        this.volunteers = volunteers;
        this.reports = reports;
        this.projects = projects;
        this.plans = plans;
        this.outcomes = outcomes;
        this.collaboration = collaboration;
        this.activities = activities;
        this.persons = persons;
        this.contacts = contacts;
        this.organisations = organisations;
        this.departments = departments;
        this.accounts = accounts;
        this.tokens = tokens;
        this.tx = tx;
    }

    void write() {
        if (Tenancy.runAs(DEMO_RECOVERY, () -> organisations.find(DEMO_RECOVERY).isPresent())) {
            passwordOnly(); // also for demo data written before organisations had the setting
            log.info("Demo data already present");
            return;
        }
        long started = System.nanoTime();
        // Set-up runs as a system admin of each demo organisation, through the same services as the pages.
        organisations.create(DEMO_RECOVERY, "Demo Recovery");
        asSystem(DEMO_RECOVERY, this::demoRecovery);
        organisations.create(OTHER_ORGANISATION, "Annen Organisasjon");
        asSystem(OTHER_ORGANISATION, this::otherOrganisation);
        passwordOnly();
        log.info("Demo data written in {} ms: sign in as admin@demo.tilfrisk.no with password {}",
                (System.nanoTime() - started) / 1_000_000, PASSWORD);
    }

    /** Set-up runs as Tilfrisk itself with admin rights in one organisation, through the same services as the pages. */
    private void asSystem(UUID organisation, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(organisation),
                null, AuthorityUtils.createAuthorityList(Role.ORG_ADMIN.authority())));
        SecurityContextHolder.setContext(system);
        try {
            Tenancy.runAs(organisation, () -> tx.executeWithoutResult(s -> work.run()));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The demo users sign in with the password alone; anyone may still turn on a second factor for themselves. */
    private void passwordOnly() {
        organisations.requireSecondFactor(DEMO_RECOVERY, false);
        organisations.requireSecondFactor(OTHER_ORGANISATION, false);
    }

    private void demoRecovery() {
        Department skien = departments.create(UUID.randomUUID(),
                new DepartmentForm("Skien", "Skien", LocalDate.of(2017, 1, 1)));
        departments.create(UUID.randomUUID(), new DepartmentForm("Tønsberg", "Tønsberg", null));
        departments.create(UUID.randomUUID(), new DepartmentForm("Stavanger", "Stavanger", LocalDate.of(2019, 8, 25)));
        UUID admin = user("admin", "Ada Admin", Role.ORG_ADMIN, null);
        UUID coordinator = user("koordinator", "Kari Koordinator", Role.COORDINATOR, skien);
        UUID staff = user("ansatt", "Anders Ansatt", Role.STAFF, skien);
        UUID volunteer = user("frivillig", "Frida Frivillig", Role.VOLUNTEER, null);
        UUID participant = user("deltaker", "Dag Deltaker", Role.PARTICIPANT, null);
        user("styret", "Siri Styreleder", Role.REPORT_VIEWER, null);
        user("katalog", "Kai Katalog", Role.DIRECTORY_EDITOR, null);
        var skienFirst = departments.list().stream()
                .sorted(Comparator.comparing((Department d) -> !d.name().equals("Skien"))).toList();
        UUID dag = persons.write(skienFirst);
        accounts.linkPerson(participant, dag);
        activities.write(departments.list().stream().collect(Collectors.toMap(Department::name, d -> d)),
                List.of(coordinator, staff), volunteer, dag);
        contacts.write(skienFirst, dag, new DemoContacts.Staff(admin, coordinator, staff));
        plans.write(skienFirst.get(0), dag, staff);
        outcomes.write(skienFirst, dag);
        collaboration.write(skien);
        reports.write();
        projects.write(skien, dag);
        volunteers.write(skien, skienFirst.stream().filter(d -> d.name().equals("Tønsberg")).findFirst().orElseThrow(),
                volunteer, dag);
        UUID tor = transitions.write(skien, dag, coordinator, staff);
        partners.write(tor);
        leisure.write(skien, skienFirst.stream().filter(d -> d.name().equals("Tønsberg")).findFirst().orElseThrow(), dag);
        directory.write();
    }

    private void otherOrganisation() {
        departments.create(UUID.randomUUID(), new DepartmentForm("Bergen", "Bergen", LocalDate.of(2020, 3, 1)));
        UUID admin = accounts.register(new UserForm("admin@annen.tilfrisk.no", "Andre Admin",
                Set.of(Role.ORG_ADMIN), Set.of()), PASSWORD);
        tokens.issue(admin, "demo", "demo-annen");
    }

    private UUID user(String localPart, String name, Role role, Department department) {
        UUID id = accounts.register(new UserForm(localPart + "@demo.tilfrisk.no", name, Set.of(role),
                department == null ? Set.of() : Set.of(department.id())), PASSWORD);
        tokens.issue(id, "demo", "demo-" + localPart);
        return id;
    }
}

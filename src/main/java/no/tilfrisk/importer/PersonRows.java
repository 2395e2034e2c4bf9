package no.tilfrisk.importer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonImport;
import no.tilfrisk.person.PersonImport.Candidate;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.Text;

/**
 * Plans a file of persons: each row a person (found by {@link PersonMatcher}'s rule, or new), with an optional role
 * and department membership from a date (today if none) to a date. The person's fields are checked with the
 * registration form's own constraints ({@link PersonForm}); an existing person's fields are left as they are, and
 * only a role or membership they lack is added. A coordinator puts persons in their own departments only: a row
 * naming another department is refused and told so, and a new person must be given one of their departments (or
 * they would register someone they cannot see).
 */
final class PersonRows {

    private final PersonImport persons;
    private final Validator validator;
    private final Words words;
    private final LocalDate today;
    private final List<Department> departments;

    final List<PersonImport.NewPerson> newPersons = new ArrayList<>();
    final List<PersonImport.NewRole> newRoles = new ArrayList<>();
    final List<PersonImport.NewMembership> newMemberships = new ArrayList<>();

    /** @param departments every department of the organisation, so that one the importer may not use is named so */
    PersonRows(PersonImport persons, Validator validator, Words words, LocalDate today, List<Department> departments) {
        this.departments = departments;
        this.persons = persons;
        this.validator = validator;
        this.words = words;
        this.today = today;
    }

    void plan(Table table, Map<String, Integer> columns, Map<Integer, UUID> choices, RowPlan plan) {
        PersonMatcher matcher = new PersonMatcher(persons.candidates());
        Map<String, Department> usable = new HashMap<>();
        persons.usableDepartments().forEach(d -> usable.put(Cells.nameKey(d.name()), d));
        Set<String> others = new java.util.HashSet<>();
        departments.stream().map(d -> Cells.nameKey(d.name())).filter(d -> !usable.containsKey(d)).forEach(others::add);
        // a coordinator (who may not use every department) registers persons in their own departments only
        boolean everywhere = others.isEmpty();
        List<Parsed> parsed = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Parsed p = parse(row, columns, usable, others, plan);
            if (p != null) {
                parsed.add(p);
            }
        }
        // the spans of the persons the file names, to tell a role or membership they have from one they lack
        Set<UUID> known = new java.util.HashSet<>();
        Map<Integer, List<Candidate>> found = new HashMap<>();
        for (Parsed p : parsed) {
            List<Candidate> f = matcher.find(p.form.getDisplayName(), p.form.getBirthYear());
            found.put(p.row, f);
            f.forEach(c -> known.add(c.id()));
        }
        Map<UUID, List<PersonImport.Span>> spans = new HashMap<>();
        persons.spans(known).forEach(s -> spans.computeIfAbsent(s.personId(), k -> new ArrayList<>()).add(s));
        for (Parsed p : parsed) {
            List<Candidate> f = matcher.find(p.form.getDisplayName(), p.form.getBirthYear());
            UUID person;
            if (f.isEmpty() && p.department == null && !everywhere) {
                plan.refuse(p.row, "import.row.departmentNeeded");
                continue;
            } else if (f.isEmpty()) {
                person = UUID.randomUUID();
                PersonForm form = p.form;
                newPersons.add(new PersonImport.NewPerson(person, form.getDisplayName().strip(),
                        Text.blankToNull(form.getFullName()), form.getBirthYear() != null ? form.getBirthYear()
                        : form.getBirthDate() == null ? null : form.getBirthDate().getYear(), form.getBirthDate(),
                        Text.blankToNull(form.getPhone()), Text.blankToNull(form.getEmail())));
                plan.item("PERSON", person, null, null);
                plan.outcome(p.row, DryRun.Outcome.CREATE);
                // a second row of the same person in the file finds the one the first row makes
                matcher.add(PersonMatcher.unsaved(person, form.getDisplayName(), form.getFullName(), form.getBirthYear()));
            } else if (f.size() == 1 || PersonMatcher.chosen(choices, p.row, f) != null) {
                person = f.size() == 1 ? f.get(0).id() : PersonMatcher.chosen(choices, p.row, f);
                plan.outcome(p.row, DryRun.Outcome.SKIP);
            } else {
                plan.refuse(p.row, "import.row.ambiguous", p.form.getDisplayName().strip(), f.size());
                plan.choice(PersonMatcher.choice(p.row, p.form.getDisplayName().strip(), f));
                continue;
            }
            List<PersonImport.Span> own = spans.computeIfAbsent(person, k -> new ArrayList<>());
            if (p.role != null && own.stream().noneMatch(s -> s.what().equals(p.role.name()) && covers(s, p.from))) {
                UUID id = UUID.randomUUID();
                newRoles.add(new PersonImport.NewRole(id, person, p.role, p.from, p.to));
                own.add(new PersonImport.Span(person, p.role.name(), p.from, p.to));
                plan.item("PERSON_ROLE", id, person, null);
                plan.outcome(p.row, DryRun.Outcome.CHANGE);
            }
            if (p.department != null && own.stream().noneMatch(s -> s.what().equals(p.department.toString())
                    && covers(s, p.from))) {
                UUID id = UUID.randomUUID();
                newMemberships.add(new PersonImport.NewMembership(id, person, p.department, p.from, p.to));
                own.add(new PersonImport.Span(person, p.department.toString(), p.from, p.to));
                plan.item("PERSON_DEPARTMENT", id, person, null);
                plan.outcome(p.row, DryRun.Outcome.CHANGE);
            }
        }
    }

    private static boolean covers(PersonImport.Span s, LocalDate from) {
        return !s.from().isAfter(from) && (s.to() == null || !s.to().isBefore(from));
    }

    private record Parsed(int row, PersonForm form, PersonRole role, UUID department, LocalDate from, LocalDate to) {
    }

    private Parsed parse(Table.Row row, Map<String, Integer> columns, Map<String, Department> departments,
                         Set<String> others, RowPlan plan) {
        int n = row.number();
        Values v = new Values(row, columns, plan);
        String name = v.text("name");
        if (name.isBlank()) {
            plan.refuse(n, "import.row.required", RowPlan.field("name"));
            return null;
        }
        PersonForm form = new PersonForm();
        form.setDisplayName(name);
        form.setFullName(v.text("fullName"));
        form.setBirthYear(v.whole("birthYear"));
        form.setBirthDate(v.date("birthDate"));
        form.setPhone(v.text("phone"));
        form.setEmail(Text.blankToNull(v.text("email")));
        for (ConstraintViolation<PersonForm> violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            String template = violation.getMessageTemplate();
            String key = template.startsWith("{") ? template.substring(1, template.length() - 1) : template;
            plan.refuse(n, "import.row.invalid", RowPlan.field(field), String.valueOf(violation.getInvalidValue()),
                    RowPlan.message(key));
        }
        if (form.getBirthYear() != null && form.getBirthYear() > today.getYear()) {
            plan.refuse(n, "import.row.invalid", RowPlan.field("birthYear"), v.text("birthYear"),
                    RowPlan.message("person.birthYear.range"));
        }
        if (form.getBirthYear() != null && form.getBirthDate() != null
                && form.getBirthYear() != form.getBirthDate().getYear()) {
            plan.refuse(n, "import.row.invalid", RowPlan.field("birthYear"), v.text("birthYear"),
                    RowPlan.message("person.birthYear.mismatch"));
        }
        PersonRole role = null;
        String roleText = v.text("role");
        if (!roleText.isBlank()) {
            role = words.role(roleText);
            if (role == null) {
                plan.refuse(n, "import.row.unknown", RowPlan.field("role"), roleText);
            }
        }
        UUID department = null;
        String departmentText = v.text("department");
        if (!departmentText.isBlank()) {
            Department d = departments.get(Cells.nameKey(departmentText));
            if (d == null && others.contains(Cells.nameKey(departmentText))) {
                plan.refuse(n, "import.row.notYourDepartment", departmentText);
            } else if (d == null) {
                plan.refuse(n, "import.row.unknown", RowPlan.field("department"), departmentText);
            } else {
                department = d.id();
            }
        }
        LocalDate from = v.date("from");
        LocalDate to = v.date("to");
        if (from == null) {
            from = today;
        }
        if (to != null && to.isBefore(from)) {
            plan.refuse(n, "import.row.toBeforeFrom");
        }
        return plan.refused(n) ? null : new Parsed(n, form, role, department, from, to);
    }
}

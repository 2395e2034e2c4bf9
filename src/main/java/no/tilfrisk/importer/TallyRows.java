package no.tilfrisk.importer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.followup.ContactImport;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tally;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.organisation.Department;

/**
 * Plans a file of tallies (contacts counted, with no person): each row a department, a kind of contact, a period
 * (from a date to a date; one day if no end is given) and a count. Each row is checked by the tallies' own rules
 * ({@link ContactImport#checkTally}): a department the importer keeps no tallies for is refused by name. A tally
 * that stands already for the same department, kind and period with the same count is skipped; with another count
 * the row is refused (the one there must be voided first), so the same rows twice never count twice.
 */
final class TallyRows {

    private final ContactImport contacts;
    private final Words words;
    private final List<Department> departments;

    final Map<UUID, TallyForm> newTallies = new LinkedHashMap<>();

    /** @param departments every department of the organisation, so that one the importer may not use is named so */
    TallyRows(ContactImport contacts, Words words, List<Department> departments) {
        this.contacts = contacts;
        this.words = words;
        this.departments = departments;
    }

    private record Key(UUID department, ContactType type, LocalDate from, LocalDate to) {
    }

    void plan(Table table, Map<String, Integer> columns, RowPlan plan) {
        Map<String, Department> byName = new HashMap<>();
        departments.forEach(d -> byName.putIfAbsent(Cells.nameKey(d.name()), d));
        Map<Integer, TallyForm> parsed = new LinkedHashMap<>();
        for (Table.Row row : table.rows()) {
            TallyForm form = parse(row, columns, byName, plan);
            if (form != null) {
                parsed.put(row.number(), form);
            }
        }
        if (parsed.isEmpty()) {
            return;
        }
        LocalDate first = parsed.values().stream().map(TallyForm::getFrom).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = parsed.values().stream().map(TallyForm::getTo).max(LocalDate::compareTo).orElseThrow();
        Map<Key, Integer> there = new HashMap<>();
        for (Tally t : contacts.standingTallies(first, last)) {
            there.merge(new Key(t.departmentId(), t.type(), t.from(), t.to()), t.count(), Integer::sum);
        }
        parsed.forEach((row, form) -> {
            Key key = new Key(form.getDepartmentId(), form.getType(), form.getFrom(), form.getTo());
            Integer count = there.putIfAbsent(key, form.getCount());
            if (count == null) {
                UUID id = UUID.randomUUID();
                newTallies.put(id, form);
                plan.item("TALLY", id, null, null);
                plan.outcome(row, DryRun.Outcome.CREATE);
            } else if (count.equals(form.getCount())) {
                plan.outcome(row, DryRun.Outcome.SKIP);
            } else {
                plan.refuse(row, "import.row.tallyThere", count);
            }
        });
    }

    private TallyForm parse(Table.Row row, Map<String, Integer> columns, Map<String, Department> byName, RowPlan plan) {
        int n = row.number();
        Values v = new Values(row, columns, plan);
        TallyForm form = new TallyForm();
        String department = v.text("department");
        if (department.isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("department"));
        } else if (byName.containsKey(Cells.nameKey(department))) {
            form.setDepartmentId(byName.get(Cells.nameKey(department)).id());
        } else {
            plan.refuse(n, "import.row.unknown", RowPlan.field("department"), department);
        }
        String type = v.text("type");
        if (type.isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("type"));
        } else {
            form.setType(words.contactType(type));
            if (form.getType() == null) {
                plan.refuse(n, "import.row.unknown", RowPlan.field("type"), type);
            }
        }
        form.setFrom(v.date("from"));
        if (v.text("from").isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("from"));
        }
        form.setTo(v.text("to").isEmpty() ? form.getFrom() : v.date("to"));
        form.setCount(v.whole("count"));
        if (v.text("count").isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("count"));
        }
        if (plan.refused(n)) {
            return null;
        }
        v.refuse(contacts.checkTally(form), Map.of("departmentId", "department"));
        return plan.refused(n) ? null : form;
    }
}

package no.tilfrisk.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactImport;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.person.PersonImport;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.web.Dates;

/**
 * Plans a file of contacts (follow-up talks): each row a person (found by {@link PersonMatcher}'s rule among those
 * the importer may see), a date, a kind, and optionally a time (noon if none), a duration in minutes, where an escort
 * went, and a note. Each row is checked by the contact log's own rules ({@link ContactImport#check}); a contact
 * that stands already for the same person at the same moment and of the same kind is skipped, so the same rows twice
 * make nothing twice. The importer is the staff member on each contact, as on the contact form.
 */
final class ContactRows {

    /** The time of a contact whose row gives only a date. */
    static final LocalTime NO_TIME = LocalTime.NOON;

    private final ContactImport contacts;
    private final PersonImport persons;
    private final Words words;

    final Map<UUID, ContactForm> newContacts = new LinkedHashMap<>();

    ContactRows(ContactImport contacts, PersonImport persons, Words words) {
        this.contacts = contacts;
        this.persons = persons;
        this.words = words;
    }

    private record Parsed(int row, String person, Integer birthYear, ContactForm form) {
    }

    void plan(Table table, Map<String, Integer> columns, Map<Integer, UUID> choices, RowPlan plan) {
        List<Parsed> parsed = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Parsed p = parse(row, columns, plan);
            if (p != null) {
                parsed.add(p);
            }
        }
        PersonMatcher matcher = new PersonMatcher(persons.candidates());
        Map<Integer, UUID> personOfRow = new HashMap<>();
        for (Parsed p : parsed) {
            UUID chosen = matcher.resolve(p.row, p.person, p.birthYear, choices, plan);
            if (chosen != null) {
                personOfRow.put(p.row, chosen);
            }
        }
        if (personOfRow.isEmpty()) {
            return;
        }
        List<Parsed> matched = parsed.stream().filter(p -> personOfRow.containsKey(p.row)).toList();
        LocalDate first = matched.stream().map(p -> p.form.getDate()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = matched.stream().map(p -> p.form.getDate()).max(LocalDate::compareTo).orElseThrow();
        Set<ContactImport.Existing> there = new HashSet<>(contacts.standing(new HashSet<>(personOfRow.values()),
                first, last));
        for (Parsed p : matched) {
            ContactForm form = p.form;
            form.setPersonId(personOfRow.get(p.row));
            Instant at = form.getDate().atTime(form.getTime()).atZone(Dates.OSLO).toInstant();
            if (!there.add(new ContactImport.Existing(form.getPersonId(), at, form.getType()))) {
                plan.outcome(p.row, DryRun.Outcome.SKIP);
                continue;
            }
            UUID id = UUID.randomUUID();
            newContacts.put(id, form);
            plan.item("CONTACT", id, form.getPersonId(), null);
            plan.outcome(p.row, DryRun.Outcome.CREATE);
        }
    }

    private Parsed parse(Table.Row row, Map<String, Integer> columns, RowPlan plan) {
        int n = row.number();
        Values v = new Values(row, columns, plan);
        String person = v.text("person");
        if (person.isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("person"));
        }
        ContactForm form = new ContactForm();
        form.setDate(v.date("date"));
        if (v.text("date").isEmpty()) {
            plan.refuse(n, "import.row.required", RowPlan.field("date"));
        }
        form.setTime(v.time("time"));
        if (form.getTime() == null) {
            form.setTime(NO_TIME);
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
        String escort = v.text("escortKind");
        if (!escort.isEmpty()) {
            form.setEscortKind(words.escortKind(escort));
            if (form.getEscortKind() == null) {
                plan.refuse(n, "import.row.unknown", RowPlan.field("escortKind"), escort);
            } else if (form.getType() != null && form.getType() != ContactType.ESCORT) {
                // where an escort went says nothing about another kind of contact
                form.setEscortKind(null);
            }
        }
        form.setDurationMinutes(v.whole("duration"));
        form.setNote(Text.blankToNull(v.text("note")));
        Integer birthYear = v.whole("birthYear");
        if (plan.refused(n)) {
            return null;
        }
        v.refuse(contacts.check(form), FIELDS);
        return plan.refused(n) ? null : new Parsed(n, person, birthYear, form);
    }

    /** The contact form's field names as the import calls them. */
    private static final Map<String, String> FIELDS = Map.of("durationMinutes", "duration");
}

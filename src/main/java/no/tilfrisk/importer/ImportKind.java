package no.tilfrisk.importer;

import java.util.List;

/** What a file holds, and the fields its columns can be mapped to (the required ones first). */
public enum ImportKind {
    PERSONS(List.of("name"), List.of("fullName", "birthYear", "birthDate", "phone", "email", "role", "department",
            "from", "to")),
    ATTENDANCE(List.of("activity", "date"), List.of("person", "birthYear", "adults", "children", "guests")),
    CONTACTS(List.of("person", "date", "type"), List.of("birthYear", "time", "duration", "escortKind", "note")),
    TALLIES(List.of("department", "type", "from", "count"), List.of("to"));

    private final List<String> required;
    private final List<String> optional;

    ImportKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public List<String> fields() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }
}

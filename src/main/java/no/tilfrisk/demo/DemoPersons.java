package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.Gender;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import org.springframework.stereotype.Component;

/** About 60 generated persons across the demo departments, with roles, memberships and consents. */
@Component
class DemoPersons {

    private static final String[] WOMEN = {"Anne", "Ingrid", "Kari", "Marit", "Hanne", "Silje", "Nina", "Camilla",
            "Ida", "Nora", "Emma", "Sara", "Tone", "Hilde", "Linn", "Mona", "Randi", "Turid", "Maja", "Eli"};
    private static final String[] MEN = {"Ole", "Lars", "Per", "Jan", "Bjørn", "Knut", "Arne", "Thomas", "Martin",
            "Kristian", "Jonas", "Magnus", "Espen", "Geir", "Rune", "Tor", "Stian", "Even", "Sindre", "Vegard"};
    private static final String[] SURNAMES = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen",
            "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen",
            "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Lie", "Halvorsen", "Moen", "Solberg"};

    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final Consents consents;
    private final Clock clock;

    DemoPersons(PersonDirectory persons, PersonSpans spans, Consents consents, Clock clock) {
        this.clock = clock;
        this.persons = persons;
        this.spans = spans;
        this.consents = consents;
    }

    /** Writes the persons; returns the id of «Dag Deltaker», whose own account is the demo participant. */
    UUID write(List<Department> departments) {
        Random random = new Random(2017);
        UUID dag = register("Dag", "Dag Deltaker", 1984, Gender.MALE, PersonRole.PARTICIPANT, departments.get(0), null,
                random);
        for (int i = 0; i < 59; i++) {
            boolean woman = random.nextBoolean();
            String first = (woman ? WOMEN : MEN)[random.nextInt(20)];
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            int roll = random.nextInt(100);
            PersonRole role = roll < 62 ? PersonRole.PARTICIPANT : roll < 80 ? PersonRole.RELATIVE
                    : roll < 88 ? PersonRole.VOLUNTEER : roll < 93 ? PersonRole.PROFESSIONAL
                    : roll < 97 ? PersonRole.STUDENT : PersonRole.GUEST;
            // some come by nickname only
            boolean nicknameOnly = role == PersonRole.PARTICIPANT && random.nextInt(5) == 0;
            Department department = departments.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(departments.size() - 1));
            register(nicknameOnly ? first + " " + surname.charAt(0) + "." : first,
                    nicknameOnly ? null : first + " " + surname, 1955 + random.nextInt(50),
                    random.nextInt(20) == 0 ? Gender.UNSPECIFIED : woman ? Gender.FEMALE : Gender.MALE,
                    role, department, LocalDate.of(LocalDate.now(clock).getYear() - 2, 1 + i % 12, 1 + i % 28),
                    random);
        }
        return dag;
    }

    private UUID register(String displayName, String fullName, int birthYear, Gender gender, PersonRole role,
                          Department department, LocalDate since, Random random) {
        PersonForm form = new PersonForm();
        form.setDisplayName(displayName);
        form.setFullName(fullName);
        form.setBirthYear(birthYear);
        form.setGender(gender);
        // all but Dag came over the year before last, so that last year's annual report counts them (their outcome
        // answers go back two years too); Dag's own time starts today, as his portal and schedule expect, but he has
        // been in the department for four weeks, so that he may be on the roll call of the outdoor group's latest
        // sessions (DemoActivities)
        form.setRole(since == null ? role : null);
        form.setMunicipality(department.municipality());
        if (random.nextBoolean()) {
            form.setPhone(String.format("9%02d %02d %03d", random.nextInt(100), random.nextInt(100), random.nextInt(1000)));
        }
        form.setConfirmDuplicate(true);
        UUID id = ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        if (since != null) {
            spans.addRole(id, role, since);
            spans.addMembership(id, department.id(), since);
        } else {
            spans.addMembership(id, department.id(), LocalDate.now(clock).minusWeeks(4));
        }
        consents.give(id, new ConsentForm(ConsentPurpose.REGISTRATION, ConsentMethod.SIGNED, null, null));
        if (random.nextInt(10) < 8) {
            consents.give(id, new ConsentForm(ConsentPurpose.STATISTICS, ConsentMethod.SIGNED, null, null));
        }
        if (form.getPhone() != null && random.nextBoolean()) {
            consents.give(id, new ConsentForm(ConsentPurpose.CONTACT_SMS, ConsentMethod.VERBAL, null, null));
        }
        return id;
    }
}

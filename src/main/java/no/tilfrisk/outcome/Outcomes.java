package no.tilfrisk.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to the instruments, per person over time. Admins, coordinators and staff reach the persons they may
 * see through the person register's rules and enter answers with the participant present; a participant reaches
 * only themself (anyone else is «not found») and answers on «Min side» ({@link MyOutcomes}, which records through
 * here). Scores are computed from the items and stored as computed. Every read and write is one row in the audit
 * trail, in the same transaction. Which instruments the organisation can use is {@link InstrumentSettings}.
 */
@Service
public class Outcomes {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final JdbcClient db;
    private final Instruments instruments;
    private final InstrumentSettings settings;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final OutcomeAccess access;
    private final Clock clock;

    Outcomes(JdbcClient db, Instruments instruments, InstrumentSettings settings, PersonLookup persons,
             AuditTrail audit, UserAccounts users, OutcomeAccess access, Clock clock) {
        this.db = db;
        this.instruments = instruments;
        this.settings = settings;
        this.persons = persons;
        this.audit = audit;
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    /** The person's responses, newest first, each with its answers and score. */
    @Transactional
    public List<Response> ofPerson(UUID personId) {
        access.requirePerson(personId);
        List<Response> found = responses(personId, null);
        audit.record(personId, AuditAction.READ, "outcome.response.list");
        return found;
    }

    /** «Not found» unless the caller may reach this person's responses; refused for roles without access. */
    @Transactional(readOnly = true)
    public void requireVisiblePerson(UUID personId) {
        access.requirePerson(personId);
    }

    /**
     * Records a response under the id given, so that a double submit or a retried request records one: an id that
     * is already a response of this organisation returns it unchanged. Everything is checked first and every broken
     * rule reported at once; nothing is saved then. An item left out is allowed: the response then has no score and
     * says why.
     */
    @Transactional
    public Response record(UUID id, UUID personId, ResponseForm form) {
        EntryMethod method = access.requirePerson(personId);
        UUID org = Tenancy.requireOrganisationId();
        var existing = db.sql("SELECT person_id FROM outcome_response WHERE id = ? AND organisation_id = ?")
                .params(id, org).query(UUID.class).optional();
        if (existing.isPresent()) {
            if (!existing.get().equals(personId)) {
                throw new NotFoundException("Response");
            }
            return responses(personId, id).get(0);
        }
        Checked checked = checked(form);
        Instrument instrument = checked.instrument();
        Map<String, Integer> answers = checked.answers();
        Score score = instruments.score(instrument, answers);
        int inserted = db.sql("""
                        INSERT INTO outcome_response (id, organisation_id, person_id, instrument_id, instrument_version,
                                                      answered_on, entered_by, entry_method, score, raw_score, status, goal,
                                                      missing_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org, personId, instrument.id(), instrument.version(), form.getAnsweredOn(), OutcomeAccess.me(),
                        method.name(), score.value(), score.raw(), score.status(), score.goal(), score.missingReason())
                .update();
        if (inserted == 0) {
            // the same form sent twice at once: the other request recorded it
            return responses(personId, id).stream().findFirst().orElseThrow(() -> new NotFoundException("Response"));
        }
        List<String> items = new ArrayList<>(answers.keySet());
        db.sql("""
                        INSERT INTO outcome_answer (response_id, organisation_id, item_id, value)
                        SELECT ?, ?, t.item, t.value FROM unnest(?::text[], ?::int[]) AS t(item, value)""")
                .params(id, org, items.toArray(String[]::new), items.stream().map(answers::get).toArray(Integer[]::new))
                .update();
        audit.record(personId, AuditAction.CREATE, "outcome.response");
        return responses(personId, id).get(0);
    }

    /**
     * The instruments due for the person now, at the open occasion of their schedule; empty when none is open or
     * all are answered. For the participant's own start page and the guide's task list.
     */
    @Transactional
    public List<DueMeasurement> dueFor(UUID personId) {
        access.requirePerson(personId);
        List<DueMeasurement> due = dueFor(List.of(personId)).getOrDefault(personId, List.of());
        audit.record(personId, AuditAction.READ, "outcome.due");
        return due;
    }

    /** A participant with measurements due, on the guide's «Mine oppgaver»: the soonest date of the person's. */
    public record DuePerson(UUID personId, String personName, LocalDate due) {
    }

    /**
     * The participants of the caller's own departments with measurements due, soonest first and then by name, at
     * most {@code limit}: one row per person, so that they never crowd out the rest of the task list. An admin with
     * no department of their own gets none (they would get the whole organisation). Those shown are in the trail.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public List<DuePerson> dueInMyDepartments(int limit) {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        if (caller.departmentIds().isEmpty()) {
            return List.of();
        }
        Set<UUID> visible = persons.visiblePersonIds();
        Set<UUID> mine = new HashSet<>();
        for (UUID department : caller.departmentIds()) {
            mine.addAll(persons.membersOf(department, visible));
        }
        Map<UUID, List<DueMeasurement>> due = dueFor(mine);
        var names = persons.names(due.keySet());
        List<DuePerson> shown = due.entrySet().stream()
                .filter(e -> names.containsKey(e.getKey()))
                .map(e -> new DuePerson(e.getKey(), names.get(e.getKey()).displayName(), e.getValue().get(0).due()))
                .sorted(Comparator.comparing(DuePerson::due).thenComparing(DuePerson::personName))
                .limit(limit).toList();
        audit.recordEach(shown.stream().map(DuePerson::personId).toList(), AuditAction.LIST, "outcome.due");
        return shown;
    }

    /** Due measurements of many persons at once, without rights checks or audit: the callers do both. */
    private Map<UUID, List<DueMeasurement>> dueFor(Collection<UUID> personIds) {
        Map<UUID, List<DueMeasurement>> due = new HashMap<>();
        if (personIds.isEmpty()) {
            return due;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> scheduled = settings.available().stream().map(Instrument::id).filter(Instruments.ORDER::contains).toList();
        Map<UUID, PersonLookup.Participation> participation = persons.participation(personIds);
        record Latest(UUID personId, String instrumentId, LocalDate first, LocalDate last) {
        }
        Map<UUID, Map<String, LocalDate>> latest = new HashMap<>();
        Map<UUID, LocalDate> firstResponse = new HashMap<>();
        db.sql("""
                        SELECT person_id, instrument_id, min(answered_on) AS first, max(answered_on) AS last
                          FROM outcome_response WHERE organisation_id = ? AND person_id = ANY(?)
                         GROUP BY person_id, instrument_id""")
                .params(Tenancy.requireOrganisationId(), personIds.toArray(UUID[]::new))
                .query(Latest.class).list().forEach(l -> {
                    latest.computeIfAbsent(l.personId(), k -> new HashMap<>()).put(l.instrumentId(), l.last());
                    firstResponse.merge(l.personId(), l.first(), (a, b) -> a.isBefore(b) ? a : b);
                });
        for (UUID person : personIds) {
            PersonLookup.Participation p = participation.get(person);
            LocalDate start = p != null ? p.from() : firstResponse.get(person);
            LocalDate end = p != null ? p.to() : null;
            Schedule.current(start, end, today).ifPresent(occasion -> {
                List<DueMeasurement> list = Schedule.dueInstruments(occasion, scheduled,
                                latest.getOrDefault(person, Map.of())).stream()
                        .map(i -> new DueMeasurement(i, instruments.find(i).orElseThrow().name(), occasion.date(), occasion))
                        .toList();
                if (!list.isEmpty()) {
                    due.put(person, list);
                }
            });
        }
        return due;
    }

    // ---- checks

    /** A form that passed every check: its instrument, and the answers as whole numbers in the items' order. */
    record Checked(Instrument instrument, Map<String, Integer> answers) {
    }

    Checked checked(ResponseForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        Instrument instrument = null;
        if (form.getInstrumentId() == null || form.getInstrumentId().isBlank()) {
            broken.add(new InvalidInputException("instrumentId", "outcome.instrument.required"));
        } else {
            var found = form.getInstrumentVersion() == null ? instruments.find(form.getInstrumentId())
                    : instruments.find(form.getInstrumentId(), form.getInstrumentVersion());
            if (found.isEmpty()) {
                broken.add(new InvalidInputException(form.getInstrumentVersion() == null ? "instrumentId" : "instrumentVersion",
                        instruments.find(form.getInstrumentId()).isPresent() ? "outcome.instrument.version.unknown"
                                : "outcome.instrument.unknown"));
            } else {
                instrument = found.get();
                if (instrument.licenceRequired() && !settings.enabledIds().contains(instrument.id())) {
                    broken.add(new InvalidInputException("instrumentId", "outcome.instrument.notEnabled"));
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (form.getAnsweredOn() == null) {
            broken.add(new InvalidInputException("answeredOn", "outcome.answeredOn.required"));
        } else if (form.getAnsweredOn().isAfter(today)) {
            broken.add(new InvalidInputException("answeredOn", "outcome.answeredOn.future"));
        } else if (form.getAnsweredOn().isBefore(EARLIEST)) {
            broken.add(new InvalidInputException("answeredOn", "outcome.answeredOn.tooEarly"));
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (instrument != null) {
            for (String itemId : form.getAnswers().keySet()) {
                if (instrument.item(itemId).isEmpty()) {
                    broken.add(new InvalidInputException("answers[" + itemId + "]", "outcome.item.unknown"));
                }
            }
            for (int i = 0; i < instrument.items().size(); i++) {
                Instrument.Item item = instrument.items().get(i);
                String given = form.getAnswers().get(item.id());
                if (given == null || given.isBlank()) {
                    continue; // left out: allowed, the response then has no score
                }
                var value = item.scale().valueOf(given);
                if (value.isPresent()) {
                    answers.put(item.id(), value.get());
                } else {
                    broken.add(notOnScale("answers[" + item.id() + "]", i, item));
                }
            }
            if (answers.isEmpty() && broken.stream().noneMatch(e -> e.field().startsWith("answers["))) {
                broken.add(new InvalidInputException("answers", "outcome.answers.none"));
            }
        }
        InvalidInputException.throwIfAny(broken);
        return new Checked(instrument, answers);
    }

    /** «Question 3: the answer must be a whole number from 0 to 5», on the field given. */
    static InvalidInputException notOnScale(String field, int index, Instrument.Item item) {
        return new InvalidInputException(field, "outcome.answer.notOnScale", index + 1, item.scale().min(), item.scale().max());
    }

    /** The person's responses (or the one with {@code onlyId}), without rights checks or audit. */
    List<Response> responses(UUID personId, UUID onlyId) {
        record Row(UUID id, UUID personId, String instrumentId, int instrumentVersion, LocalDate answeredOn,
                   String entryMethod, UUID enteredBy, OffsetDateTime createdAt, Integer score, Integer rawScore,
                   String status, String goal, String missingReason) {
        }
        List<Row> rows = db.sql("""
                        SELECT id, person_id, instrument_id, instrument_version, answered_on, entry_method, entered_by,
                               created_at, score, raw_score, status, goal, missing_reason
                          FROM outcome_response
                         WHERE person_id = :person AND organisation_id = :org AND (CAST(:only AS uuid) IS NULL OR id = :only)
                         ORDER BY answered_on DESC, created_at DESC LIMIT 2000""")
                .param("person", personId).param("org", Tenancy.requireOrganisationId()).param("only", onlyId)
                .query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<String, Integer>> answers = new HashMap<>();
        db.sql("SELECT response_id, item_id, value FROM outcome_answer WHERE response_id = ANY(?)")
                .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, i) -> {
                    answers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getInt(3));
                    return null;
                }).list();
        Map<UUID, String> names = users.names(rows.stream().map(Row::enteredBy).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            Instrument instrument = instruments.find(r.instrumentId(), r.instrumentVersion()).orElse(null);
            Map<String, Integer> a = answers.getOrDefault(r.id(), Map.of());
            List<String> missing = instrument == null || r.score() != null ? List.of()
                    : instrument.items().stream().map(Instrument.Item::id).filter(i -> !a.containsKey(i)).toList();
            Score score = new Score(r.score(), r.rawScore(), r.status(), r.goal(), r.missingReason(), missing);
            Instant created = r.createdAt().toInstant();
            return new Response(r.id(), r.personId(), r.instrumentId(), r.instrumentVersion(), r.answeredOn(),
                    EntryMethod.valueOf(r.entryMethod()), r.enteredBy() == null ? null : names.get(r.enteredBy()),
                    created, ordered(instrument, a), score);
        }).toList();
    }

    private static Map<String, Integer> ordered(Instrument instrument, Map<String, Integer> answers) {
        if (instrument == null) {
            return answers;
        }
        Map<String, Integer> inOrder = new LinkedHashMap<>();
        instrument.items().forEach(i -> {
            if (answers.containsKey(i.id())) {
                inOrder.put(i.id(), answers.get(i.id()));
            }
        });
        return inOrder;
    }
}

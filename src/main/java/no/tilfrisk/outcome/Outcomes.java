package no.tilfrisk.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to the instruments, per person over time. Admins, coordinators and staff reach the persons they may
 * see through the person register's rules and enter answers with the participant present; a participant reaches
 * only themself (anyone else is «not found») and answers on «Min side». Scores are computed from the items and
 * stored as computed. Every read and write is one row in the audit trail, in the same transaction.
 */
@Service
public class Outcomes {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final JdbcClient db;
    private final Instruments instruments;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final Clock clock;

    Outcomes(JdbcClient db, Instruments instruments, PersonLookup persons, AuditTrail audit, UserAccounts users,
             Clock clock) {
        this.clock = clock;
        this.db = db;
        this.instruments = instruments;
        this.persons = persons;
        this.audit = audit;
        this.users = users;
    }

    /** The instruments an organisation can take responses to now: those without a licence, and those it enabled. */
    @Transactional(readOnly = true)
    public List<Instrument> available() {
        Set<String> enabled = enabledIds();
        return instruments.all().stream().filter(i -> !i.licenceRequired() || enabled.contains(i.id())).toList();
    }

    /** The ids of the licensed instruments this organisation has enabled. */
    @Transactional(readOnly = true)
    public Set<String> enabledIds() {
        return Set.copyOf(db.sql("SELECT instrument_id FROM instrument_enabled WHERE organisation_id = ?")
                .param(Tenancy.requireOrganisationId()).query(String.class).list());
    }

    /** The organisation admin confirms the licence of an instrument that needs one, or withdraws it. */
    @Transactional
    public void setEnabled(String instrumentId, boolean enabled) {
        requireAdmin();
        Instrument instrument = instruments.find(instrumentId)
                .orElseThrow(() -> new InvalidInputException("instrumentId", "outcome.instrument.unknown"));
        UUID org = Tenancy.requireOrganisationId();
        if (enabled) {
            db.sql("""
                            INSERT INTO instrument_enabled (organisation_id, instrument_id, enabled_by) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(org, instrument.id(), me()).update();
        } else {
            db.sql("DELETE FROM instrument_enabled WHERE organisation_id = ? AND instrument_id = ?")
                    .params(org, instrument.id()).update();
        }
    }

    /** The person's responses, newest first, each with its answers and score. */
    @Transactional
    public List<Response> ofPerson(UUID personId) {
        requirePerson(personId);
        List<Response> found = responses(personId, null);
        audit.record(personId, AuditAction.READ, "outcome.response.list");
        return found;
    }

    /** «Not found» unless the caller may reach this person's responses; refused for roles without access. */
    @Transactional(readOnly = true)
    public void requireVisiblePerson(UUID personId) {
        requirePerson(personId);
    }

    /** The signed-in participant's own person, «not found» when the account is linked to nobody. */
    @Transactional(readOnly = true)
    public UUID myPerson() {
        TenantPrincipal caller = caller();
        if (!isParticipantOnly(caller)) {
            throw new AccessDeniedException("Only participants have their own measurements");
        }
        return users.personOf(caller.userId()).filter(persons::isOurs)
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    /**
     * Records a response under the id given, so that a double submit or a retried request records one: an id that
     * is already a response of this organisation returns it unchanged. Everything is checked first and every broken
     * rule reported at once; nothing is saved then. An item left out is allowed: the response then has no score and
     * says why.
     */
    @Transactional
    public Response record(UUID id, UUID personId, ResponseForm form) {
        EntryMethod method = requirePerson(personId);
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
                .params(id, org, personId, instrument.id(), instrument.version(), form.getAnsweredOn(), me(),
                        method.name(), score.value(), score.raw(), score.status(), score.goal(), score.missingReason())
                .update();
        if (inserted == 0) {
            // the same form sent twice at once: the other request recorded it
            return responses(personId, id).stream().findFirst().orElseThrow(() -> new NotFoundException("Response"));
        }
        answers.forEach((item, value) -> db.sql("""
                        INSERT INTO outcome_answer (response_id, organisation_id, item_id, value) VALUES (?, ?, ?, ?)""")
                .params(id, org, item, value).update());
        audit.record(personId, AuditAction.CREATE, "outcome.response");
        return responses(personId, id).get(0);
    }

    /**
     * The instruments due for the person now, at the open occasion of their schedule; empty when none is open or
     * all are answered. For the participant's own start page and the guide's task list.
     */
    @Transactional
    public List<DueMeasurement> dueFor(UUID personId) {
        requirePerson(personId);
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
        Set<UUID> mine = new java.util.HashSet<>();
        for (UUID department : caller.departmentIds()) {
            mine.addAll(persons.membersOf(department, visible));
        }
        Map<UUID, List<DueMeasurement>> due = dueFor(mine);
        var names = persons.names(due.keySet());
        List<DuePerson> shown = due.entrySet().stream()
                .filter(e -> names.containsKey(e.getKey()))
                .map(e -> new DuePerson(e.getKey(), names.get(e.getKey()).displayName(), e.getValue().get(0).due()))
                .sorted(java.util.Comparator.comparing(DuePerson::due).thenComparing(DuePerson::personName))
                .limit(limit).toList();
        audit.recordEach(shown.stream().map(DuePerson::personId).toList(), AuditAction.LIST, "outcome.due");
        return shown;
    }

    /** Due measurements of many persons at once, without rights checks or audit: the callers do both. */
    private Map<UUID, List<DueMeasurement>> dueFor(java.util.Collection<UUID> personIds) {
        Map<UUID, List<DueMeasurement>> due = new HashMap<>();
        if (personIds.isEmpty()) {
            return due;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> scheduled = available().stream().map(Instrument::id).filter(Instruments.ORDER::contains).toList();
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

    // ---- the participant's unfinished answers on «Min side»

    /** The participant's draft of an instrument: started now if there is none. */
    @Transactional
    public Draft draft(String instrumentId) {
        UUID person = myPerson();
        Instrument instrument = available().stream().filter(i -> i.id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Instrument"));
        UUID org = Tenancy.requireOrganisationId();
        db.sql("""
                        INSERT INTO outcome_draft (person_id, instrument_id, organisation_id, response_id, instrument_version)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(person, instrument.id(), org, UUID.randomUUID(), instrument.version()).update();
        record Row(UUID responseId, int instrumentVersion, String answers) {
        }
        Row row = db.sql("""
                        SELECT response_id, instrument_version, answers FROM outcome_draft
                         WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?""")
                .params(person, instrument.id(), org).query(Row.class).single();
        Instrument version = instruments.find(instrument.id(), row.instrumentVersion()).orElse(instrument);
        return new Draft(row.responseId(), person, version, decode(row.answers()));
    }

    /** A draft: the answers so far, and where to go on. */
    public record Draft(UUID responseId, UUID personId, Instrument instrument, Map<String, Integer> answers) {

        /** The first item not yet answered, or the number of items when all are. */
        public int nextStep() {
            for (int i = 0; i < instrument.items().size(); i++) {
                if (!answers.containsKey(instrument.items().get(i).id())) {
                    return i;
                }
            }
            return instrument.items().size();
        }
    }

    /**
     * Saves one answer of the participant's draft, as typed or chosen; anything but a whole number on the item's
     * scale is refused. Null skips the item.
     */
    @Transactional
    public void answerInDraft(String instrumentId, String itemId, String answer) {
        Draft draft = draft(instrumentId);
        Instrument.Item item = draft.instrument().item(itemId)
                .orElseThrow(() -> new InvalidInputException("value", "outcome.item.unknown"));
        Integer value = null;
        if (answer != null) {
            value = item.scale().valueOf(answer)
                    .orElseThrow(() -> notOnScale("value", draft.instrument().items().indexOf(item), item));
        }
        Map<String, Integer> answers = new LinkedHashMap<>(draft.answers());
        if (value == null) {
            answers.put(itemId, SKIPPED);
        } else {
            answers.put(itemId, value);
        }
        db.sql("UPDATE outcome_draft SET answers = ?, updated_at = now() WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?")
                .params(encode(answers), draft.personId(), draft.instrument().id(), Tenancy.requireOrganisationId())
                .update();
    }

    /**
     * Sends the participant's draft in as their response, dated today. A second send (a double click) finds the
     * response recorded under the draft's id and records nothing more.
     */
    @Transactional
    public Response submitDraft(String instrumentId, UUID responseId) {
        UUID person = myPerson();
        UUID org = Tenancy.requireOrganisationId();
        var existing = responses(person, responseId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Draft draft = draft(instrumentId);
        if (!draft.responseId().equals(responseId)) {
            throw new NotFoundException("Draft");
        }
        Map<String, Integer> answers = new LinkedHashMap<>(draft.answers());
        answers.values().removeIf(v -> v == SKIPPED);
        ResponseForm form = ResponseForm.of(draft.instrument().id(), LocalDate.now(clock), answers);
        form.setInstrumentVersion(draft.instrument().version());
        Response response = record(responseId, person, form);
        db.sql("DELETE FROM outcome_draft WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?")
                .params(person, draft.instrument().id(), org).update();
        return response;
    }

    /** The participant's unfinished drafts: how many items of each instrument they have answered or skipped. */
    @Transactional(readOnly = true)
    public Map<String, Integer> myDrafts() {
        Map<String, Integer> drafts = new HashMap<>();
        db.sql("SELECT instrument_id, answers FROM outcome_draft WHERE person_id = ? AND organisation_id = ?")
                .params(myPerson(), Tenancy.requireOrganisationId())
                .query((rs, i) -> drafts.put(rs.getString(1), decode(rs.getString(2)).size())).list();
        return drafts;
    }

    /** Drops the participant's draft of an instrument, so that they can start again. */
    @Transactional
    public void discardDraft(String instrumentId) {
        db.sql("DELETE FROM outcome_draft WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?")
                .params(myPerson(), instrumentId, Tenancy.requireOrganisationId()).update();
    }

    /** Drafts hold skipped items with this value; it is no value of any scale. */
    static final int SKIPPED = Integer.MIN_VALUE;

    static String encode(Map<String, Integer> answers) {
        StringBuilder s = new StringBuilder();
        answers.forEach((k, v) -> s.append(s.isEmpty() ? "" : ",").append(k).append('=').append(v == SKIPPED ? "-" : v));
        return s.toString();
    }

    static Map<String, Integer> decode(String s) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (s == null || s.isBlank()) {
            return answers;
        }
        for (String pair : s.split(",")) {
            String[] kv = pair.split("=", 2);
            answers.put(kv[0], "-".equals(kv[1]) ? SKIPPED : Integer.parseInt(kv[1]));
        }
        return answers;
    }

    // ---- checks

    /**
     * Who may reach this person's responses and how they enter them: staff roles the persons they may see, a
     * participant only themself. Anyone else is refused; a person out of reach is «not found».
     */
    EntryMethod requirePerson(UUID personId) {
        TenantPrincipal caller = caller();
        if (caller.hasRole("ORG_ADMIN") || caller.hasRole("COORDINATOR") || caller.hasRole("STAFF")) {
            persons.requireVisible(personId);
            return EntryMethod.GUIDE_WITH_PARTICIPANT;
        }
        if (caller.hasRole("PARTICIPANT")) {
            if (personId == null || !users.personOf(caller.userId()).map(personId::equals).orElse(false)
                    || !persons.isOurs(personId)) {
                throw new NotFoundException("Person");
            }
            return EntryMethod.SELF_SERVICE;
        }
        throw new AccessDeniedException("No access to outcomes");
    }

    /** A form that passed every check: its instrument, and the answers as whole numbers in the items' order. */
    private record Checked(Instrument instrument, Map<String, Integer> answers) {
    }

    private Checked checked(ResponseForm form) {
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
                if (instrument.licenceRequired() && !enabledIds().contains(instrument.id())) {
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
    private static InvalidInputException notOnScale(String field, int index, Instrument.Item item) {
        return new InvalidInputException(field, "outcome.answer.notOnScale", index + 1, item.scale().min(), item.scale().max());
    }

    private List<Response> responses(UUID personId, UUID onlyId) {
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
        Map<UUID, String> names = users.names(rows.stream().map(Row::enteredBy).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
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

    static boolean isParticipantOnly(TenantPrincipal caller) {
        return caller.hasRole("PARTICIPANT") && !caller.hasRole("ORG_ADMIN") && !caller.hasRole("COORDINATOR")
                && !caller.hasRole("STAFF");
    }

    static void requireAdmin() {
        if (!caller().hasRole("ORG_ADMIN")) {
            throw new AccessDeniedException("Organisation admins only");
        }
    }

    static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}

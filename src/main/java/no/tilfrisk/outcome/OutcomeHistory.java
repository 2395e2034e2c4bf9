package no.tilfrisk.outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many responses recorded at once, such as two years of history (the demo's): the same rules, rows and audit rows
 * as {@link Outcomes#record} once per response, in three statements instead of about eight per response. All or
 * nothing: one broken form or one person the caller may not reach saves none. A response whose id is already
 * saved is left as it is, as {@link Outcomes#record} leaves it.
 */
@Service
public class OutcomeHistory {

    /** A response to record: its id (chosen by the caller, as for {@link Outcomes#record}), whose, and the form. */
    public record Answered(UUID id, UUID personId, ResponseForm form) {
    }

    private final JdbcClient db;
    private final Outcomes outcomes;
    private final Instruments instruments;
    private final AuditTrail audit;
    private final OutcomeAccess access;

    OutcomeHistory(JdbcClient db, Outcomes outcomes, Instruments instruments, AuditTrail audit, OutcomeAccess access) {
        this.db = db;
        this.outcomes = outcomes;
        this.instruments = instruments;
        this.audit = audit;
        this.access = access;
    }

    @Transactional
    public void recordAll(List<Answered> responses) {
        if (responses.isEmpty()) {
            return;
        }
        UUID org = Tenancy.requireOrganisationId();
        Map<UUID, EntryMethod> methods = new HashMap<>();
        responses.forEach(r -> methods.computeIfAbsent(r.personId(), access::requirePerson));
        List<Outcomes.Checked> checked = responses.stream().map(r -> outcomes.checked(r.form())).toList();
        int n = responses.size();
        UUID[] ids = new UUID[n];
        UUID[] personIds = new UUID[n];
        String[] instrumentIds = new String[n];
        Integer[] versions = new Integer[n];
        String[] answeredOn = new String[n];
        String[] entryMethods = new String[n];
        Integer[] scores = new Integer[n];
        Integer[] rawScores = new Integer[n];
        String[] statuses = new String[n];
        String[] goals = new String[n];
        String[] missingReasons = new String[n];
        for (int i = 0; i < n; i++) {
            Answered r = responses.get(i);
            Instrument instrument = checked.get(i).instrument();
            Score score = instruments.score(instrument, checked.get(i).answers());
            ids[i] = r.id();
            personIds[i] = r.personId();
            instrumentIds[i] = instrument.id();
            versions[i] = instrument.version();
            answeredOn[i] = r.form().getAnsweredOn().toString();
            entryMethods[i] = methods.get(r.personId()).name();
            scores[i] = score.value();
            rawScores[i] = score.raw();
            statuses[i] = score.status();
            goals[i] = score.goal();
            missingReasons[i] = score.missingReason();
        }
        Set<UUID> inserted = new HashSet<>(db.sql("""
                        INSERT INTO outcome_response (id, organisation_id, person_id, instrument_id, instrument_version,
                                                      answered_on, entered_by, entry_method, score, raw_score, status, goal,
                                                      missing_reason)
                        SELECT t.id, ?, t.person_id, t.instrument_id, t.version, t.answered_on::date, ?, t.entry_method,
                               t.score, t.raw_score, t.status, t.goal, t.missing_reason
                          FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::int[],
                                      ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                               AS t(id, person_id, instrument_id, version, answered_on, entry_method, score, raw_score,
                                    status, goal, missing_reason, n)
                         ORDER BY t.n
                        ON CONFLICT (id) DO NOTHING RETURNING id""")
                .params(org, OutcomeAccess.me(), ids, personIds, instrumentIds, versions, answeredOn, entryMethods,
                        scores, rawScores, statuses, goals, missingReasons)
                .query(UUID.class).list());
        List<UUID> answerOf = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<AuditTrail.Access> accesses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!inserted.contains(ids[i])) {
                continue; // already saved: left as it is
            }
            UUID id = ids[i];
            checked.get(i).answers().forEach((item, value) -> {
                answerOf.add(id);
                items.add(item);
                values.add(value);
            });
            accesses.add(new AuditTrail.Access(personIds[i], AuditAction.CREATE, "outcome.response"));
        }
        if (!answerOf.isEmpty()) {
            db.sql("""
                            INSERT INTO outcome_answer (response_id, organisation_id, item_id, value)
                            SELECT t.id, ?, t.item, t.value FROM unnest(?::uuid[], ?::text[], ?::int[]) AS t(id, item, value)""")
                    .params(org, answerOf.toArray(UUID[]::new), items.toArray(String[]::new), values.toArray(Integer[]::new))
                    .update();
        }
        audit.recordAll(accesses);
    }
}

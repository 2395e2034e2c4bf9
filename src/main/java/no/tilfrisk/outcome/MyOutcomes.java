package no.tilfrisk.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in participant's own measurements on «Min side»: what they are asked to answer now, and their
 * unfinished answers (drafts), one item at a time, until they send a draft in as a response. The person is always
 * the one the participant's account belongs to, never one named in the request; anyone but a participant is
 * refused. Sending a draft in records the response through {@link Outcomes}, with its checks and audit.
 */
@Service
public class MyOutcomes {

    /** Drafts hold skipped items with this value; it is no value of any scale. */
    static final int SKIPPED = Integer.MIN_VALUE;

    private final JdbcClient db;
    private final Outcomes outcomes;
    private final InstrumentSettings settings;
    private final Instruments instruments;
    private final OutcomeAccess access;
    private final Clock clock;

    MyOutcomes(JdbcClient db, Outcomes outcomes, InstrumentSettings settings, Instruments instruments,
               OutcomeAccess access, Clock clock) {
        this.db = db;
        this.outcomes = outcomes;
        this.settings = settings;
        this.instruments = instruments;
        this.access = access;
        this.clock = clock;
    }

    /** The signed-in participant's own person, «not found» when the account is linked to nobody. */
    @Transactional(readOnly = true)
    public UUID myPerson() {
        return access.ownPerson();
    }

    /** The participant's draft of an instrument: started now if there is none. */
    @Transactional
    public Draft draft(String instrumentId) {
        UUID person = access.ownPerson();
        Instrument instrument = settings.available().stream().filter(i -> i.id().equals(instrumentId)).findFirst()
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
                    .orElseThrow(() -> Outcomes.notOnScale("value", draft.instrument().items().indexOf(item), item));
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
        UUID person = access.ownPerson();
        UUID org = Tenancy.requireOrganisationId();
        List<Response> existing = outcomes.responses(person, responseId);
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
        Response response = outcomes.record(responseId, person, form);
        db.sql("DELETE FROM outcome_draft WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?")
                .params(person, draft.instrument().id(), org).update();
        return response;
    }

    /** The participant's unfinished drafts: how many items of each instrument they have answered or skipped. */
    @Transactional(readOnly = true)
    public Map<String, Integer> myDrafts() {
        Map<String, Integer> drafts = new HashMap<>();
        db.sql("SELECT instrument_id, answers FROM outcome_draft WHERE person_id = ? AND organisation_id = ?")
                .params(access.ownPerson(), Tenancy.requireOrganisationId())
                .query((rs, i) -> drafts.put(rs.getString(1), decode(rs.getString(2)).size())).list();
        return drafts;
    }

    /** Drops the participant's draft of an instrument, so that they can start again. */
    @Transactional
    public void discardDraft(String instrumentId) {
        db.sql("DELETE FROM outcome_draft WHERE person_id = ? AND instrument_id = ? AND organisation_id = ?")
                .params(access.ownPerson(), instrumentId, Tenancy.requireOrganisationId()).update();
    }

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
}

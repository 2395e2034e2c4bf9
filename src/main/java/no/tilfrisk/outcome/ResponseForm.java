package no.tilfrisk.outcome;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A response as a guide enters it or an API client sends it: the instrument (its latest version unless one is
 * named), the date it was answered, and the answers by item id. A mutable bean, so that a value that cannot be
 * converted becomes a field error and the rest is kept. The answers are kept as typed or sent («3», «2.5», «abc»)
 * and checked against each item's scale by {@link Outcomes}: bound to a number, 2.5 would become 2 without a word.
 */
public class ResponseForm {

    /** For API clients: the id to create the response under, so that a retried request creates one. */
    private UUID id;
    private String instrumentId;
    private Integer instrumentVersion;
    private LocalDate answeredOn;
    @Schema(description = "Item id to the answer, a whole number on the item's scale", additionalPropertiesSchema = Integer.class)
    private Map<String, String> answers = new LinkedHashMap<>();

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public String getInstrumentId() { return instrumentId; }
    public void setInstrumentId(String v) { instrumentId = v; }
    public Integer getInstrumentVersion() { return instrumentVersion; }
    public void setInstrumentVersion(Integer v) { instrumentVersion = v; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public void setAnsweredOn(LocalDate v) { answeredOn = v; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> v) { answers = v == null ? new LinkedHashMap<>() : v; }

    public static ResponseForm of(String instrumentId, LocalDate answeredOn, Map<String, ?> answers) {
        ResponseForm f = new ResponseForm();
        f.instrumentId = instrumentId;
        f.answeredOn = answeredOn;
        answers.forEach((item, value) -> f.answers.put(item, value == null ? null : value.toString()));
        return f;
    }
}

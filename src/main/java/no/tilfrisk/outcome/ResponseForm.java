package no.tilfrisk.outcome;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A response as a guide enters it or an API client sends it: the instrument (its latest version unless one is
 * named), the date it was answered, and the answers by item id. A mutable bean, so that a value that cannot be
 * converted becomes a field error and the rest is kept.
 */
public class ResponseForm {

    /** For API clients: the id to create the response under, so that a retried request creates one. */
    private UUID id;
    private String instrumentId;
    private Integer instrumentVersion;
    private LocalDate answeredOn;
    private Map<String, Integer> answers = new LinkedHashMap<>();

    public UUID getId() { return id; }
    public void setId(UUID v) { id = v; }
    public String getInstrumentId() { return instrumentId; }
    public void setInstrumentId(String v) { instrumentId = v; }
    public Integer getInstrumentVersion() { return instrumentVersion; }
    public void setInstrumentVersion(Integer v) { instrumentVersion = v; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public void setAnsweredOn(LocalDate v) { answeredOn = v; }
    public Map<String, Integer> getAnswers() { return answers; }
    public void setAnswers(Map<String, Integer> v) { answers = v == null ? new LinkedHashMap<>() : v; }

    public static ResponseForm of(String instrumentId, LocalDate answeredOn, Map<String, Integer> answers) {
        ResponseForm f = new ResponseForm();
        f.instrumentId = instrumentId;
        f.answeredOn = answeredOn;
        f.answers = new LinkedHashMap<>(answers);
        return f;
    }
}

package no.tilfrisk.fhir;

import java.util.function.BiFunction;
import no.tilfrisk.plan.AreaRating;
import no.tilfrisk.plan.Evaluation;
import no.tilfrisk.plan.Mapping;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The mapping conversations and the goals' evaluations as FHIR {@code Observation}s, beside {@link BundleBuilder}
 * (pure, as it is): a mapping is one observation with a component per life area (the participant's rating, and
 * their own words about it) and per field (interests, dreams, strengths, challenges); an evaluation is an
 * observation whose focus is its goal, what happened as its value and the next step as a component. Codes are
 * Tilfrisk's own ({@link BundleBuilder#SYSTEM}): no standard code system names these records.
 */
final class PlanResources {

    static final String RECORD = BundleBuilder.SYSTEM + "/CodeSystem/record";
    static final String LIFE_AREA = BundleBuilder.SYSTEM + "/CodeSystem/life-area";
    static final String MAPPING_FIELD = BundleBuilder.SYSTEM + "/CodeSystem/mapping-field";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** A message in the caller's language: code and arguments. */
    private final BiFunction<String, Object[], String> text;

    PlanResources(BiFunction<String, Object[], String> text) {
        this.text = text;
    }

    Observation mapping(Mapping m, Reference patient) {
        Observation o = observation("mapping", "fhir.mapping", patient, m.mappedOn());
        for (AreaRating a : m.areas()) {
            String area = text.apply("plan.area." + a.area().name(), new Object[0]);
            if (a.rating() != null) {
                o.addComponent().setCode(concept(LIFE_AREA, a.area().name(), area)).setValue(new IntegerType(a.rating()));
            }
            if (a.ownWords() != null && !a.ownWords().isBlank()) {
                o.addComponent().setCode(concept(LIFE_AREA, a.area().name(),
                        text.apply("fhir.mapping.ownWords", new Object[] {area}))).setValue(new StringType(a.ownWords()));
            }
        }
        if (!m.interests().isEmpty()) {
            field(o, "interests", String.join(", ", m.interests()));
        }
        field(o, "dreams", m.dreams());
        field(o, "strengths", m.strengths());
        field(o, "challenges", m.challenges());
        return o;
    }

    Observation evaluation(Evaluation e, Reference patient, Reference goal) {
        Observation o = observation("goal-evaluation", "fhir.evaluation", patient, e.evaluatedOn());
        o.addFocus(goal);
        if (e.whatHappened() != null && !e.whatHappened().isBlank()) {
            o.setValue(new StringType(e.whatHappened()));
        }
        if (e.nextStep() != null && !e.nextStep().isBlank()) {
            o.addComponent().setCode(concept(MAPPING_FIELD, "nextStep", text.apply("fhir.evaluation.nextStep",
                    new Object[0]))).setValue(new StringType(e.nextStep()));
        }
        return o;
    }

    private Observation observation(String code, String label, Reference patient, java.time.LocalDate on) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY, "social-history", "Social History")));
        o.setCode(concept(RECORD, code, text.apply(label, new Object[0])));
        o.setSubject(patient);
        o.setEffective(new DateTimeType(on.toString()));
        return o;
    }

    private void field(Observation o, String field, String words) {
        if (words != null && !words.isBlank()) {
            o.addComponent().setCode(concept(MAPPING_FIELD, field, text.apply("fhir.mapping." + field, new Object[0])))
                    .setValue(new StringType(words));
        }
    }

    private static CodeableConcept concept(String system, String code, String shown) {
        return new CodeableConcept(new Coding(system, code, null)).setText(shown);
    }
}

package no.tilfrisk.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import no.tilfrisk.activity.PersonAttendance.Attended;
import no.tilfrisk.followup.ContactSummary;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.outcome.Score;
import no.tilfrisk.person.Membership;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.PlanAction;
import no.tilfrisk.plan.PlanStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.springframework.context.MessageSource;

/**
 * Writes one person's {@link FhirSource} as a FHIR R4 {@code Bundle} of type {@code collection}. Every resource has
 * the id of the record it comes from and the full URL {@code urn:uuid:<id>}; references between them use those
 * full URLs. Texts are in the caller's language; the participant's own words (goals, actions) stay as written.
 * Notes (the contact's, the person's) are never in the bundle.
 *
 * <p>Codes: where a standard code is known for certain it is used (HL7's own code systems, the Norwegian OIDs for
 * the national id number and the D-number). Every instrument, item and contact kind also carries Tilfrisk's own
 * code under {@link #SYSTEM}, so a receiver can map them.
 *
 * <p>Over 400 lines on purpose: one short method per FHIR resource type, all sharing the id, reference and code
 * helpers below; split by resource they would each need those helpers passed in, for no gain in reading.
 */
final class BundleBuilder {

    /** The base of Tilfrisk's own code systems and canonical URLs. */
    static final String SYSTEM = "https://tilfrisk.no/fhir";
    /** The Norwegian national identity number (fødselsnummer) and the D-number (HL7 Norway, Volven 8116). */
    static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";
    static final String DNR = "urn:oid:2.16.578.1.12.4.1.4.2";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    private static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final MessageSource messages;
    private final Locale locale;

    BundleBuilder(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Bundle build(FhirSource source) {
        Bundle bundle = new Bundle();
        bundle.setId(name("bundle", source.person().id() + "@" + source.at()).toString());
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(source.at()));
        PersonDetails person = source.person();
        Reference patient = ref(person.id(), person.displayName());
        Reference organisation = ref(source.organisationId(), source.organisationName());
        add(bundle, source.organisationId(), new Organization().setName(source.organisationName()));
        add(bundle, person.id(), patient(source, organisation));
        for (Membership membership : person.memberships()) {
            add(bundle, membership.id(), episode(membership, patient, organisation, source.at()));
        }
        for (ContactSummary contact : source.contacts()) {
            add(bundle, contact.id(), contact(contact, patient));
        }
        for (Attended session : source.attended()) {
            add(bundle, name("attendance", person.id() + "@" + session.sessionId()), attendance(session, patient));
        }
        Map<String, Instrument> used = new LinkedHashMap<>();
        source.responses().forEach(r -> used.putIfAbsent(r.instrumentId() + "@" + r.instrumentVersion(),
                source.instruments().get(r.instrumentId() + "@" + r.instrumentVersion())));
        used.values().forEach(i -> add(bundle, name("questionnaire", i.key()), questionnaire(i, locale)));
        for (Response response : source.responses()) {
            Instrument instrument = used.get(response.instrumentId() + "@" + response.instrumentVersion());
            add(bundle, response.id(), response(response, instrument, patient));
            add(bundle, name("score", response.id().toString()), score(response, instrument, patient));
        }
        PlanResources plan = new PlanResources(this::text);
        for (no.tilfrisk.plan.Mapping mapping : source.mappings()) {
            add(bundle, mapping.id(), plan.mapping(mapping, patient));
        }
        if (source.plan() != null && !source.plan().goals().isEmpty()) {
            List<Reference> goals = new ArrayList<>();
            for (Goal goal : source.plan().allGoals()) {
                org.hl7.fhir.r4.model.Goal g = goal(goal, patient);
                // each evaluation of the goal: an observation with the goal as its focus, and the goal's outcome
                for (no.tilfrisk.plan.Evaluation e : source.plan().allEvaluations()) {
                    if (e.goalId().equals(goal.id())) {
                        add(bundle, e.id(), plan.evaluation(e, patient, ref(goal.id(), null)));
                        g.addOutcomeReference(ref(e.id(), null));
                    }
                }
                add(bundle, goal.id(), g);
                goals.add(ref(goal.id(), null));
            }
            add(bundle, name("careplan", person.id().toString()), carePlan(source, patient, goals));
        }
        return bundle;
    }

    // ---------------------------------------------------------------- the person and their time with us

    private Patient patient(FhirSource source, Reference organisation) {
        PersonDetails person = source.person();
        Patient patient = new Patient();
        if (source.nationalId() != null) {
            String number = source.nationalId().replaceAll("\\D", "");
            // a D-number adds 4 to the first digit of the day
            patient.addIdentifier().setSystem(number.charAt(0) >= '4' ? DNR : FNR).setValue(number);
        }
        patient.addIdentifier().setSystem(SYSTEM + "/person").setValue(person.id().toString());
        patient.setActive(person.active());
        patient.addName().setText(person.fullName() != null ? person.fullName() : person.displayName());
        if (person.gender() != null) {
            patient.setGender(switch (person.gender()) {
                case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
                case MALE -> Enumerations.AdministrativeGender.MALE;
                case OTHER -> Enumerations.AdministrativeGender.OTHER;
                case UNSPECIFIED -> Enumerations.AdministrativeGender.UNKNOWN;
            });
        }
        if (person.birthDate() != null) {
            patient.setBirthDateElement(new DateType(person.birthDate().toString()));
        } else if (person.birthYear() != null) {
            patient.setBirthDateElement(new DateType(String.valueOf(person.birthYear())));
        }
        patient.setManagingOrganization(organisation);
        return patient;
    }

    private EpisodeOfCare episode(Membership membership, Reference patient, Reference organisation,
                                  java.time.Instant at) {
        LocalDate today = LocalDate.ofInstant(at, OSLO);
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.setStatus(membership.current(today) ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        episode.addType().setText(text("fhir.episode.type", membership.departmentName()));
        episode.setPatient(patient);
        episode.setManagingOrganization(organisation);
        Period period = new Period().setStartElement(date(membership.from()));
        if (membership.to() != null) {
            period.setEndElement(date(membership.to()));
        }
        return episode.setPeriod(period);
    }

    // ---------------------------------------------------------------- contacts and attendance

    private Encounter contact(ContactSummary contact, Reference patient) {
        Encounter encounter = new Encounter();
        encounter.setStatus(contact.voided() ? Encounter.EncounterStatus.ENTEREDINERROR
                : Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(contactClass(contact.type()));
        encounter.addType(new CodeableConcept(new Coding(SYSTEM + "/CodeSystem/contact-type", contact.type().name(),
                null)).setText(text("contactType." + contact.type().name())));
        encounter.setSubject(patient);
        // the staff who took part, by name: they are not resources of the bundle
        for (String staff : contact.staffNames()) {
            encounter.addParticipant().addType(new CodeableConcept(new Coding(PARTICIPATION, "PART", "Participation")))
                    .setIndividual(new Reference().setDisplay(staff));
        }
        Period period = new Period().setStartElement(instant(contact.occurredAt()));
        if (contact.durationMinutes() != null) {
            period.setEndElement(instant(contact.occurredAt().plusSeconds(60L * contact.durationMinutes())));
            encounter.setLength((Duration) new Duration().setValue(contact.durationMinutes()).setUnit("min")
                    .setSystem("http://unitsofmeasure.org").setCode("min"));
        }
        return encounter.setPeriod(period);
    }

    /** HL7's act codes for where a contact took place: by phone or message is virtual, a home visit is home health. */
    private static Coding contactClass(ContactType type) {
        return switch (type) {
            case PHONE, EMAIL, MESSAGE -> new Coding(ACT_CODE, "VR", "virtual");
            case HOME_VISIT -> new Coding(ACT_CODE, "HH", "home health");
            case ESCORT -> new Coding(ACT_CODE, "FLD", "field");
            default -> new Coding(ACT_CODE, "AMB", "ambulatory");
        };
    }

    private Encounter attendance(Attended session, Reference patient) {
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
        encounter.addType(new CodeableConcept(new Coding(SYSTEM + "/CodeSystem/contact-type", "ACTIVITY", null))
                .setText(text("fhir.attendance.type", session.activity())));
        encounter.setSubject(patient);
        Period period = new Period();
        if (session.startTime() != null) {
            period.setStartElement(time(session.date(), session.startTime()));
            if (session.endTime() != null) {
                period.setEndElement(time(session.date(), session.endTime()));
            }
        } else {
            period.setStartElement(new DateTimeType(session.date().toString()));
        }
        if (session.place() != null) {
            encounter.addLocation().setLocation(new Reference().setDisplay(session.place()));
        }
        return encounter.setPeriod(period);
    }

    // ---------------------------------------------------------------- instruments, answers and scores

    /** The instrument version as a questionnaire; its canonical URL is the same for every person. */
    static Questionnaire questionnaire(Instrument instrument, Locale locale) {
        Questionnaire q = new Questionnaire();
        q.setUrl(canonical(instrument));
        q.setVersion(String.valueOf(instrument.version()));
        q.setName(instrument.id().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT));
        q.setTitle(instrument.name().in(locale));
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.addCode(instrumentCode(instrument, locale));
        if (instrument.source() != null) {
            q.setCopyright(instrument.source());
        }
        if (instrument.recallPeriod() != null) {
            q.setDescription(instrument.recallPeriod().in(locale));
        }
        for (Instrument.Item item : instrument.items()) {
            Questionnaire.QuestionnaireItemComponent qi = q.addItem().setLinkId(item.id())
                    .setText(item.text().in(locale));
            qi.addCode(new Coding(canonical(instrument) + "/item", item.id(), null));
            if (asChoice(item)) {
                qi.setType(Questionnaire.QuestionnaireItemType.CHOICE);
                for (int value : item.scale().values()) {
                    Questionnaire.QuestionnaireItemAnswerOptionComponent option = qi.addAnswerOption()
                            .setValue(answer(instrument, item, value, locale));
                    option.addExtension(ORDINAL_VALUE, new DecimalType(value));
                }
            } else {
                qi.setType(Questionnaire.QuestionnaireItemType.INTEGER);
                qi.addExtension(MIN_VALUE, new IntegerType(item.scale().min()));
                qi.addExtension(MAX_VALUE, new IntegerType(item.scale().max()));
            }
        }
        return q;
    }

    /** An item is a choice where every value of its scale has a label; else the answer is a whole number. */
    private static boolean asChoice(Instrument.Item item) {
        return item.scale().values().stream().allMatch(v -> item.scale().label(v) != null);
    }

    private static Coding answer(Instrument instrument, Instrument.Item item, int value, Locale locale) {
        Instrument.Label label = item.scale().label(value);
        return new Coding(canonical(instrument) + "/answer",
                label != null && label.code() != null ? label.code() : String.valueOf(value),
                label == null ? null : label.text().in(locale));
    }

    private QuestionnaireResponse response(Response response, Instrument instrument, Reference patient) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setQuestionnaire(canonical(instrument) + "|" + instrument.version());
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(patient);
        qr.setAuthoredElement(new DateTimeType(response.answeredOn().toString()));
        if (response.entryMethod() == no.tilfrisk.outcome.EntryMethod.SELF_SERVICE) {
            qr.setSource(patient);
        }
        for (Instrument.Item item : instrument.items()) {
            Integer value = response.answers().get(item.id());
            if (value == null) {
                continue;
            }
            qr.addItem().setLinkId(item.id()).setText(item.text().in(locale)).addAnswer()
                    .setValue(asChoice(item) ? answer(instrument, item, value, locale) : new IntegerType(value));
        }
        return qr;
    }

    private Observation score(Response response, Instrument instrument, Reference patient) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(new CodeableConcept(instrumentCode(instrument, locale))
                .setText(instrument.name().in(locale)));
        observation.setSubject(patient);
        observation.setEffective(new DateTimeType(response.answeredOn().toString()));
        Score score = response.score();
        if (score.computed()) {
            observation.setValue(new IntegerType(score.value()));
            for (Instrument.CutOff cutOff : instrument.reached(score.value())) {
                observation.addInterpretation().setText(cutOff.meaning().in(locale));
            }
        } else {
            observation.setDataAbsentReason(new CodeableConcept(new Coding(DATA_ABSENT, "as-text", "As Text"))
                    .setText(text("outcome.score.missing", String.join(", ", score.missingItems()))));
        }
        if (score.status() != null) {
            observation.addComponent().setCode(new CodeableConcept().setText(text("fhir.score.status")))
                    .setValue(new org.hl7.fhir.r4.model.StringType(score.status()));
        }
        observation.addDerivedFrom(ref(response.id(), null));
        return observation;
    }

    private static Coding instrumentCode(Instrument instrument, Locale locale) {
        return new Coding(SYSTEM + "/CodeSystem/instrument", instrument.id(), instrument.name().in(locale));
    }

    private static String canonical(Instrument instrument) {
        return SYSTEM + "/Questionnaire/" + instrument.id();
    }

    // ---------------------------------------------------------------- the plan

    private org.hl7.fhir.r4.model.Goal goal(Goal goal, Reference patient) {
        org.hl7.fhir.r4.model.Goal g = new org.hl7.fhir.r4.model.Goal();
        g.setLifecycleStatus(switch (goal.status()) {
            case NOT_STARTED -> org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.ACCEPTED;
            case IN_PROGRESS, CHANGED -> org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.ACTIVE;
            case REACHED -> org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.COMPLETED;
            case CLOSED -> org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus.CANCELLED;
        });
        if (goal.status() == PlanStatus.REACHED) {
            g.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "achieved", "Achieved")));
        } else if (goal.status() == PlanStatus.IN_PROGRESS) {
            g.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "in-progress", "In Progress")));
        }
        if (goal.lifeArea() != null) {
            g.addCategory(new CodeableConcept(new Coding(SYSTEM + "/CodeSystem/life-area", goal.lifeArea().name(),
                    null)).setText(text("plan.area." + goal.lifeArea().name())));
        }
        // the participant's own words, as written
        g.setDescription(new CodeableConcept().setText(goal.text()));
        g.setSubject(patient);
        if (goal.parentId() != null) {
            // a sub-goal: the parent goal it is a step towards
            Extension relationship = g.addExtension().setUrl("http://hl7.org/fhir/StructureDefinition/goal-relationship");
            relationship.addExtension("type", new CodeableConcept(new Coding(
                    "http://hl7.org/fhir/goal-relationship-type", "other", "Other")).setText(text("fhir.goal.subGoal")));
            relationship.addExtension("target", ref(goal.parentId(), null));
        }
        return g;
    }

    private CarePlan carePlan(FhirSource source, Reference patient, List<Reference> goals) {
        CarePlan plan = new CarePlan();
        boolean open = source.plan().allGoals().stream().anyMatch(g -> g.status().open());
        plan.setStatus(open ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.COMPLETED);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle(text("plan.title", source.person().displayName()));
        plan.setSubject(patient);
        goals.forEach(plan::addGoal);
        for (PlanAction action : source.plan().allActions()) {
            CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
            detail.setStatus(switch (action.status()) {
                case NOT_STARTED -> CarePlan.CarePlanActivityStatus.NOTSTARTED;
                case IN_PROGRESS, CHANGED -> CarePlan.CarePlanActivityStatus.INPROGRESS;
                case REACHED -> CarePlan.CarePlanActivityStatus.COMPLETED;
                case CLOSED -> CarePlan.CarePlanActivityStatus.STOPPED;
            });
            detail.setDescription(action.text());
            detail.addGoal(ref(action.goalId(), null));
            if (action.targetDate() != null) {
                detail.setScheduled(new Period().setEndElement(date(action.targetDate())));
            }
        }
        return plan;
    }

    // ---------------------------------------------------------------- helpers

    private static void add(Bundle bundle, UUID id, Resource resource) {
        resource.setId(id.toString());
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
    }

    private static Reference ref(UUID id, String display) {
        Reference reference = new Reference("urn:uuid:" + id);
        return display == null ? reference : reference.setDisplay(display);
    }

    /** A stable id for a resource that has no record of its own (a score, a questionnaire, the care plan). */
    static UUID name(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static DateTimeType date(LocalDate date) {
        DateTimeType type = new DateTimeType(date.toString());
        type.setPrecision(TemporalPrecisionEnum.DAY);
        return type;
    }

    private static DateTimeType instant(java.time.Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(OSLO));
    }

    private static DateTimeType time(LocalDate date, LocalTime time) {
        return instant(date.atTime(time).atZone(OSLO).toInstant());
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}

package no.tilfrisk.fhir;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.organisation.OrganisationSettings;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.ResponseForm;
import no.tilfrisk.person.Gender;
import no.tilfrisk.person.NationalIdNumber;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.EvaluationForm;
import no.tilfrisk.plan.MappingForm;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The FHIR export, checked by HAPI's validator against the R4 base profiles and terminologies with zero errors: for
 * the demo participant and for a person with every kind of record. The validator takes seconds to start, so it is
 * made once for the class, not in the shared Spring context.
 */
@TilfriskTest
class FhirExportTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    PersonDirectory persons;
    @Autowired
    Organisations organisations;
    @Autowired
    ContactLog contacts;
    @Autowired
    Outcomes outcomes;
    @Autowired
    Plans plans;
    @Autowired
    Mappings mappings;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    /** The base profiles, HL7's terminologies, and every instrument as a questionnaire, so answers are checked too. */
    private static FhirValidator validator() {
        PrePopulatedValidationSupport questionnaires = new PrePopulatedValidationSupport(R4);
        for (Instrument instrument : new Instruments().all()) {
            questionnaires.addResource(BundleBuilder.questionnaire(instrument, Locale.forLanguageTag("nb")));
        }
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4), new InMemoryTerminologyServerValidationSupport(R4),
                new SnapshotGeneratingValidationSupport(R4), questionnaires);
        FhirValidator validator = R4.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    @Test
    void theDemoParticipantsBundleValidatesWithoutErrors() throws Exception {
        UUID dag = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT id FROM person WHERE full_name = 'Dag Deltaker'").query(UUID.class).single()));
        Bundle bundle = fetch(dag, "demo-ansatt", "nb");

        assertNoErrors(bundle);
        Map<String, Long> kinds = kinds(bundle);
        assertThat(kinds).containsKeys("Organization", "Patient", "EpisodeOfCare", "Encounter");
        assertThat(patient(bundle).getNameFirstRep().getText()).isEqualTo("Dag Deltaker");
    }

    @Test
    void theParticipantDownloadsTheirOwnBundleFromMinSideItValidatesAndIsAudited() throws Exception {
        UUID dag = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT id FROM person WHERE full_name = 'Dag Deltaker'").query(UUID.class).single()));
        var deltaker = accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        int before = ownExports(dag);
        var response = mvc.perform(get("/min-side/fhir").with(user(deltaker)).header("Accept-Language", "nb"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith(FhirExport.MEDIA_TYPE);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        Bundle own = R4.newJsonParser().parseResource(Bundle.class,
                response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        assertNoErrors(own);
        assertThat(patient(own).getNameFirstRep().getText()).isEqualTo("Dag Deltaker");
        // the same bundle staff get through the API, but for its time stamp and its own id
        Bundle staffs = fetch(dag, "demo-ansatt", "nb");
        assertThat(kinds(own)).isEqualTo(kinds(staffs));
        // the download is in the audit trail as the participant's own, once
        assertThat(ownExports(dag)).isEqualTo(before + 1);
        // the page of who has seen their data links to it
        assertThat(mvc.perform(get("/min-side/innsyn").with(user(deltaker))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("/min-side/fhir").doesNotContain("??");
    }

    private int ownExports(UUID person) {
        Integer n = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM audit_event a JOIN app_user u ON u.id = a.actor_id
                         WHERE a.person_id = ? AND a.action = 'EXPORT' AND a.what = 'fhir.bundle.own'
                           AND u.email = 'deltaker@demo.tilfrisk.no'""")
                .param(person).query(Integer.class).single()));
        return n;
    }

    @Test
    void aPersonWithEveryKindOfRecordIsExportedWholeAndValidatesWithoutErrors() throws Exception {
        String name = "Fhir " + UUID.randomUUID().toString().substring(0, 8);
        UUID id = people.register(DEMO_RECOVERY, "Skien", name);
        String nationalId = aNationalIdNumber();
        try {
            setNationalIdEnabled(true);
            People.asSystem(DEMO_RECOVERY, () -> {
                PersonForm form = new PersonForm();
                form.setDisplayName(name);
                form.setFullName(name + " Nordmann");
                form.setBirthDate(LocalDate.of(1990, 6, 15));
                form.setGender(Gender.FEMALE);
                form.setNote("Et notat som aldri skal med");
                form.setNationalId(nationalId);
                persons.update(id, form);
                return null;
            });
            LocalDate day = LocalDate.of(2026, 3, 2);
            UUID talk = contact(id, ContactType.ONE_TO_ONE, day, 45);
            contact(id, ContactType.HOME_VISIT, day.plusDays(1), null);
            UUID voided = contact(id, ContactType.PHONE, day.plusDays(2), 10);
            People.asSystem(DEMO_RECOVERY, () -> {
                contacts.voidContact(voided, "Feil person");
                return null;
            });
            Activity group = activities.activity(DEMO_RECOVERY, "Skien", "Fhirgruppe " + name, false,
                    day.minusDays(30), null, List.of());
            ActivitySession session = activities.session(DEMO_RECOVERY, group.id(), day);
            activities.attendance(DEMO_RECOVERY, session.id(), List.of(id), 0, 0, 0);
            answer(id, "who-5", day, Map.of("cheerful", "3", "calm", "4", "active", "2", "rested", "5", "interest", "1"));
            answer(id, "russtatus", day, Map.of("alcohol", "3", "cannabis", "0", "opioids", "0", "stimulants", "0",
                    "sedatives", "0", "other", "0", "goal", "2"));
            UUID main = goal(id, null, "Få egen leilighet, med plass til ungene", PlanStatus.IN_PROGRESS);
            goal(id, main, "Søke startlån", PlanStatus.REACHED);
            People.asSystem(DEMO_RECOVERY, () -> {
                ActionForm action = new ActionForm();
                action.setText("Ringe banken sammen med Anders");
                action.setResponsible(Responsible.PARTICIPANT);
                action.setTargetDate(LocalDate.now(clock).plusDays(14));
                action.setStatus(PlanStatus.NOT_STARTED);
                return plans.addAction(UUID.randomUUID(), id, main, action);
            });

            UUID mapping = People.asSystem(DEMO_RECOVERY, () -> {
                MappingForm form = new MappingForm();
                form.setMappedOn(day);
                form.getAreas().get(0).setRating(4);
                form.getAreas().get(0).setWords("Trangt på hybelen");
                form.setDreams("Et eget kjøkken");
                return mappings.record(UUID.randomUUID(), id, form);
            });
            UUID evaluation = People.asSystem(DEMO_RECOVERY, () -> {
                EvaluationForm form = new EvaluationForm();
                form.setEvaluatedOn(day.plusDays(7));
                form.setWhatHappened("Søknaden er sendt");
                form.setNextStep("Vente på svar");
                return plans.addEvaluation(UUID.randomUUID(), id, main, form);
            });

            Bundle bundle = fetch(id, "demo-ansatt", "nb");

            assertNoErrors(bundle);
            assertThat(kinds(bundle)).containsEntry("Organization", 1L).containsEntry("Patient", 1L)
                    .containsEntry("EpisodeOfCare", 1L).containsEntry("Encounter", 4L)
                    .containsEntry("Questionnaire", 2L).containsEntry("QuestionnaireResponse", 2L)
                    .containsEntry("Observation", 4L).containsEntry("Goal", 2L).containsEntry("CarePlan", 1L);
            // the mapping: the participant's rating and words per life area, their dreams
            Observation mapped = (Observation) resource(bundle, mapping);
            assertThat(mapped.getCode().getCodingFirstRep().getCode()).isEqualTo("mapping");
            assertThat(mapped.getComponent()).anyMatch(c -> c.getCode().getText().equals("Bolig")
                    && c.hasValueIntegerType() && c.getValueIntegerType().getValue() == 4);
            assertThat(mapped.getComponent()).anyMatch(c -> c.hasValueStringType()
                    && c.getValueStringType().getValue().equals("Trangt på hybelen")
                    && c.getCode().getText().equals("Bolig: egne ord"));
            assertThat(mapped.getComponent()).anyMatch(c -> c.getCode().getText().equals("Drømmer")
                    && c.hasValueStringType() && c.getValueStringType().getValue().equals("Et eget kjøkken"));
            // the evaluation: its goal as focus, and the goal's outcome
            Observation evaluated = (Observation) resource(bundle, evaluation);
            assertThat(evaluated.getFocusFirstRep().getReference()).isEqualTo("urn:uuid:" + main);
            assertThat(evaluated.getValueStringType().getValue()).isEqualTo("Søknaden er sendt");
            assertThat(((Goal) resource(bundle, main)).getOutcomeReferenceFirstRep().getReference())
                    .isEqualTo("urn:uuid:" + evaluation);
            // the staff who took part in a talk
            assertThat(((Encounter) resource(bundle, talk)).getParticipant()).hasSize(1)
                    .allSatisfy(p -> assertThat(p.getIndividual().getDisplay()).isNotBlank());
            Patient patient = patient(bundle);
            assertThat(patient.getIdentifier()).anySatisfy(i -> {
                assertThat(i.getSystem()).isEqualTo(BundleBuilder.FNR);
                assertThat(i.getValue()).isEqualTo(nationalId);
            });
            assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1990-06-15");
            assertThat(R4.newJsonParser().encodeResourceToString(bundle)).doesNotContain("Et notat som aldri skal med");

            Encounter encounter = (Encounter) resource(bundle, talk);
            assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
            assertThat(encounter.getLength().getValue().intValue()).isEqualTo(45);
            assertThat(encounter.getTypeFirstRep().getText()).isEqualTo("1-1-samtale");
            assertThat(((Encounter) resource(bundle, voided)).getStatus()).isEqualTo(Encounter.EncounterStatus.ENTEREDINERROR);
            assertThat(resources(bundle, Encounter.class)).anySatisfy(e -> {
                assertThat(e.getTypeFirstRep().getText()).isEqualTo("Aktivitet: Fhirgruppe " + name);
                assertThat(e.getPeriod().getStartElement().getValueAsString()).startsWith(day + "T18:00:00");
            });

            QuestionnaireResponse who5 = resources(bundle, QuestionnaireResponse.class).stream()
                    .filter(r -> r.getQuestionnaire().endsWith("/who-5|1")).findFirst().orElseThrow();
            assertThat(who5.getItem()).hasSize(5);
            assertThat(who5.getItemFirstRep().getAnswerFirstRep().getValueCoding().getDisplay())
                    .isEqualTo("Mer enn halvparten av tiden");
            Observation score = resources(bundle, Observation.class).stream()
                    .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("who-5")).findFirst().orElseThrow();
            // (3 + 4 + 2 + 5 + 1) × 4
            assertThat(score.getValueIntegerType().getValue()).isEqualTo(60);
            assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo(who5.getIdElement().getValue());

            List<Goal> goals = resources(bundle, Goal.class);
            assertThat(goals).extracting(g -> g.getDescription().getText())
                    .containsExactly("Få egen leilighet, med plass til ungene", "Søke startlån");
            assertThat(goals.get(1).getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.COMPLETED);
            assertThat(goals.get(0).getCategoryFirstRep().getText()).isEqualTo("Bolig");
        } finally {
            setNationalIdEnabled(false);
        }
        // English texts for an English caller; the participant's words stay as written
        Bundle english = fetch(id, "demo-ansatt", "en");
        assertNoErrors(english);
        assertThat(resources(english, Goal.class).get(0).getCategoryFirstRep().getText()).isEqualTo("Housing");
        assertThat(resources(english, Goal.class).get(0).getDescription().getText())
                .isEqualTo("Få egen leilighet, med plass til ungene");
        // no national id number once the organisation has them off
        assertThat(patient(english).getIdentifier()).noneSatisfy(i -> assertThat(i.getSystem()).isEqualTo(BundleBuilder.FNR));
        long audited = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'EXPORT' AND what = 'fhir.bundle'")
                .param(id).query(Long.class).single()));
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void theBundleIsOnlyForThoseWhoMaySeeThePersonsPageAndIsInTheirExport() throws Exception {
        UUID skien = people.register(DEMO_RECOVERY, "Skien", "Fhir Skien " + UUID.randomUUID());
        UUID stavanger = people.register(DEMO_RECOVERY, "Stavanger", "Fhir Stavanger " + UUID.randomUUID());
        mvc.perform(get("/api/v1/persons/" + stavanger + "/fhir").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/" + skien + "/fhir").header("Authorization", bearer("demo-annen")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/" + skien + "/fhir").header("Authorization", bearer("demo-deltaker")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + stavanger + "/fhir").header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/persons/" + skien + "/export").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.fhir.resourceType").value("Bundle"))
                .andExpect(jsonPath("$.sections.fhir.entry[1].resource.resourceType").value("Patient"));
    }

    @Test
    void theValidatorFindsAnError() {
        // a bundle entry whose encounter has no class (required in R4) and a date that is not one
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        Encounter broken = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
        broken.setId(UUID.randomUUID().toString());
        bundle.addEntry().setFullUrl("urn:uuid:" + broken.getIdPart()).setResource(broken);
        assertThat(VALIDATOR.validateWithResult(bundle).getMessages())
                .anySatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
    }

    // ---------------------------------------------------------------- helpers

    private Bundle fetch(UUID person, String token, String language) throws Exception {
        String json = mvc.perform(get("/api/v1/persons/" + person + "/fhir").header("Authorization", bearer(token))
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return R4.newJsonParser().parseResource(Bundle.class, json);
    }

    private static void assertNoErrors(Bundle bundle) {
        ValidationResult result = VALIDATOR.validateWithResult(bundle);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors).as(() -> errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    private static Map<String, Long> kinds(Bundle bundle) {
        return bundle.getEntry().stream().collect(Collectors.groupingBy(e -> e.getResource().fhirType(),
                Collectors.counting()));
    }

    private static Patient patient(Bundle bundle) {
        return resources(bundle, Patient.class).get(0);
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static Resource resource(Bundle bundle, UUID id) {
        return bundle.getEntry().stream().filter(e -> e.getFullUrl().equals("urn:uuid:" + id)).findFirst()
                .orElseThrow().getResource();
    }

    private UUID contact(UUID person, ContactType type, LocalDate day, Integer minutes) {
        UUID staff = ((TilfriskUser) accounts.loadUserByUsername(Demo.STAFF)).userId();
        return People.asSystem(DEMO_RECOVERY, () -> {
            ContactForm form = new ContactForm();
            form.setStaffIds(List.of(staff));
            form.setPersonId(person);
            form.setDate(day);
            form.setTime(LocalTime.of(10, 30));
            form.setType(type);
            form.setDurationMinutes(minutes);
            return contacts.log(UUID.randomUUID(), form);
        });
    }

    private void answer(UUID person, String instrument, LocalDate day, Map<String, String> answers) {
        People.asSystem(DEMO_RECOVERY, () -> {
            ResponseForm form = new ResponseForm();
            form.setInstrumentId(instrument);
            form.setAnsweredOn(day);
            form.getAnswers().putAll(answers);
            return outcomes.record(UUID.randomUUID(), person, form);
        });
    }

    private UUID goal(UUID person, UUID parent, String text, PlanStatus status) {
        return People.asSystem(DEMO_RECOVERY, () -> {
            GoalForm form = new GoalForm();
            form.setParentId(parent);
            form.setLifeArea(LifeArea.HOUSING);
            form.setText(text);
            form.setStatus(status);
            return plans.addGoal(UUID.randomUUID(), person, form);
        });
    }

    private void setNationalIdEnabled(boolean on) {
        People.asSystem(DEMO_RECOVERY, () -> {
            OrganisationSettings settings = organisations.settings();
            settings.setNationalIdEnabled(on);
            organisations.changeSettings(settings);
            return null;
        });
    }

    /** A valid national id number no other test uses: a random individual number, the check digits found. */
    private static String aNationalIdNumber() {
        Function<Integer, String> candidate = n -> String.format("150690%03d%02d", n / 100, n % 100);
        while (true) {
            int individual = ThreadLocalRandom.current().nextInt(0, 500);
            for (int check = 0; check < 100; check++) {
                String number = candidate.apply(individual * 100 + check);
                if (NationalIdNumber.isValid(number)) {
                    return number;
                }
            }
        }
    }
}

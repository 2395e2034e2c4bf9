/**
 * The FHIR R4 export of one person: a {@code Bundle} with the person as a minimal {@code Patient}, their time with
 * the organisation ({@code EpisodeOfCare}), contacts and attendance ({@code Encounter}), the instruments and answers
 * ({@code Questionnaire}, {@code QuestionnaireResponse}), the scores ({@code Observation}) and the plan in the
 * person's words ({@code CarePlan}, {@code Goal}). A leaf module: it reads the other modules through their services,
 * which check the caller's rights and write the audit trail, and nothing calls it but its API and its section of the
 * person's export.
 */
package no.tilfrisk.fhir;

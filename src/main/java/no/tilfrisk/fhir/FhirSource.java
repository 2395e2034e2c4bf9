package no.tilfrisk.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.activity.PersonAttendance.Attended;
import no.tilfrisk.followup.ContactSummary;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Plan;

/**
 * Everything the bundle is made of, read with the caller's rights before a line of FHIR is written, so that
 * {@link BundleBuilder} is a pure function of it.
 *
 * @param nationalId  the full number, only where the organisation has national id numbers on; else null
 * @param instruments the instrument versions the responses were given under, by {@link Instrument#key()}
 */
record FhirSource(Instant at, UUID organisationId, String organisationName, PersonDetails person, String nationalId,
                  List<ContactSummary> contacts, List<Attended> attended, List<Response> responses,
                  Map<String, Instrument> instruments, Plan plan, List<Mapping> mappings) {
}

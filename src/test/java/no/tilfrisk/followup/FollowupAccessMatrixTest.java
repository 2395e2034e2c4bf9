package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the followup module × every demo role × a person (with a contact and a tally of
 * the department) in the caller's own department, in another department, and in another organisation. Where there
 * is no right the answer is 403, 404, or the form again with the field's error; it carries neither the person's
 * name nor the note, and nothing about the target changes. Where there is a right, the call succeeds. A new
 * endpoint without an entry here fails the test.
 */
@TilfriskTest
@Import(People.class)
class FollowupAccessMatrixTest {

    /** Which targets each demo account may reach: the person register's department rule, for tallies too. */
    static final Map<String, Set<MatrixTarget>> RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    static final Map<String, String> TOKENS = no.tilfrisk.Demo.TOKENS;

    /**
     * Every endpoint with a request that exercises it on the target: {personId} and {person} the person, {id} a
     * contact of theirs with a note and a follow-up (a tally of their department on tally paths), {department} that
     * department.
     */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /contacts", "person={person}"),
            Map.entry("GET /persons/{personId}/contacts", ""),
            Map.entry("POST /persons/{personId}/contacts", "formId={new}&date={today}&time=10:00&type=PHONE"),
            Map.entry("GET /contacts/{id}", ""),
            Map.entry("GET /contacts/{id}/edit", ""),
            Map.entry("POST /contacts/{id}", "date={today}&time=11:00&type=HOME_VISIT&followUpOn={followUp}"),
            Map.entry("POST /contacts/{id}/void", "reason=Matrise"),
            Map.entry("POST /contacts/{id}/follow-up-done", ""),
            Map.entry("GET /tallies", "department={department}"),
            Map.entry("POST /tallies", "formId={new}&departmentId={department}&type=PHONE&from={today}&to={today}&count=3"),
            Map.entry("POST /tallies/{id}/void", "reason=Matrise"),
            Map.entry("GET /api/v1/contacts", "person={person}"),
            Map.entry("POST /api/v1/contacts", "{\"personId\": \"{person}\", \"date\": \"{today}\", \"time\": \"10:00\", \"type\": \"PHONE\"}"),
            Map.entry("GET /api/v1/contacts/{id}", ""),
            Map.entry("PUT /api/v1/contacts/{id}", "{\"date\": \"{today}\", \"time\": \"11:00\", \"type\": \"HOME_VISIT\", \"followUpOn\": \"{followUp}\"}"),
            Map.entry("POST /api/v1/contacts/{id}/void", "{\"reason\": \"Matrise\"}"),
            Map.entry("POST /api/v1/contacts/{id}/follow-up-done", ""),
            Map.entry("GET /api/v1/tallies", "department={department}"),
            Map.entry("POST /api/v1/tallies", "{\"departmentId\": \"{department}\", \"type\": \"PHONE\", \"from\": \"{today}\", \"to\": \"{today}\", \"count\": 3}"),
            Map.entry("POST /api/v1/tallies/{id}/void", "{\"reason\": \"Matrise\"}"),
            // not the module's own page, but where its follow-ups show: only to those who took part and may see
            Map.entry("GET /", ""));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    ContactLog contacts;
    @Autowired
    Tallies tallies;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.followup");
        assertThat(found).hasSizeGreaterThan(10);
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesAContactOrTallyOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var account : RIGHTS.entrySet()) {
            UserDetails who = accounts.loadUserByUsername(account.getKey());
            for (MatrixTarget target : MatrixTarget.values()) {
                String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
                Fixture f = fixture(target, name);
                boolean reach = account.getValue().contains(target);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    boolean changes = endpoint.getKey().contains("void") || endpoint.getKey().contains("follow-up-done");
                    Fixture used = changes ? fixture(target, name) : f;
                    boolean startPage = endpoint.getKey().equals("GET /");
                    String before = state(used);
                    var response = mvc.perform(request(endpoint.getKey(), endpoint.getValue(), used, who,
                            TOKENS.get(account.getKey()))).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account.getKey() + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (startPage) {
                        // the fixture's follow-up is the organisation admin's: only they see it, and only if they may
                        boolean shows = body.contains("Følg opp " + name);
                        boolean should = reach && account.getKey().startsWith("admin@");
                        // a participant's start is «Min side», which shows nobody else's tasks
                        boolean toMinSide = status == 302 && "/min-side".equals(response.getRedirectedUrl());
                        if ((status != 200 && !toMinSide) || shows != should || (toMinSide && should)) {
                            failures.add((shows ? "shows" : "does not show") + " the follow-up: " + cell);
                        }
                    } else if (reach) {
                        boolean pageWrite = !endpoint.getKey().contains("/api/") && !endpoint.getKey().startsWith("GET");
                        if (status >= 400 || (pageWrite && status != 302) || (!pageWrite && body.contains("field-error"))) {
                            failures.add("denied but should be allowed: " + cell);
                        }
                    } else {
                        boolean refused = status == 403 || status == 404 || status == 400
                                || (status == 200 && (body.contains("field-error") || body.contains("alert-error")));
                        if (!refused) {
                            failures.add("allowed but should be denied: " + cell);
                        }
                        if (!state(used).equals(before)) {
                            failures.add("changed the target: " + cell);
                        }
                    }
                    if (!reach && (body.contains(name) || body.contains(used.note()))) {
                        failures.add("leaks the person's name or note: " + cell);
                    }
                }
                // the fixtures' follow-ups would crowd the admin's task list of the next targets
                Tenancy.runAs(f.organisation(), () -> tx.executeWithoutResult(s -> db.sql("""
                        UPDATE contact SET follow_up_done_at = now()
                         WHERE person_id IN (SELECT p.id FROM person p WHERE p.display_name = ?) AND follow_up_done_at IS NULL""")
                        .param(name).update()));
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A person with a contact (the note names them; a follow-up for the organisation admin) and a tally. */
    record Fixture(UUID organisation, UUID person, UUID contact, UUID tally, UUID department, String note) {
    }

    private Fixture fixture(MatrixTarget target, String name) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        String department = switch (target) {
            case OWN_DEPARTMENT -> "Skien";
            case OTHER_DEPARTMENT -> "Stavanger";
            case OTHER_ORGANISATION -> "Bergen";
        };
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername(
                target == MatrixTarget.OTHER_ORGANISATION ? "admin@annen.tilfrisk.no" : "admin@demo.tilfrisk.no")).userId();
        UUID person = people.register(organisation, department, name);
        String note = "Matrisenotat " + UUID.randomUUID();
        return People.asSystem(organisation, () -> {
            UUID departmentId = people.department(department).id();
            ContactForm contact = new ContactForm();
            contact.setPersonId(person);
            contact.setDate(today());
            contact.setTime(LocalTime.of(9, 0));
            contact.setType(ContactType.ONE_TO_ONE);
            contact.setNote(note);
            contact.setFollowUpOn(today().plusDays(5));
            contact.setStaffIds(List.of(admin));
            UUID contactId = contacts.log(UUID.randomUUID(), contact);
            TallyForm tally = new TallyForm();
            tally.setDepartmentId(departmentId);
            tally.setType(ContactType.MESSAGE);
            tally.setFrom(today().minusDays(7));
            tally.setTo(today());
            tally.setCount(4);
            UUID tallyId = tallies.record(UUID.randomUUID(), tally);
            return new Fixture(organisation, person, contactId, tallyId, departmentId, note);
        });
    }

    /** Everything about the target that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT count(*) FROM contact WHERE person_id = :person),
                               (SELECT concat_ws('/', type, occurred_at, voided_at, follow_up_on, follow_up_done_at, updated_at)
                                  FROM contact WHERE id = :contact),
                               (SELECT count(*) FROM contact_tally WHERE department_id = :department),
                               (SELECT concat('/', voided_at) FROM contact_tally WHERE id = :tally))""")
                .param("person", f.person()).param("contact", f.contact()).param("department", f.department())
                .param("tally", f.tally()).query(String.class).single()));
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f, UserDetails who,
                                                         String token) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{personId}", f.person().toString())
                .replace("{id}", (parts[1].contains("/tallies/") ? f.tally() : f.contact()).toString());
        String filled = body.replace("{person}", f.person().toString()).replace("{department}", f.department().toString())
                .replace("{today}", today().toString()).replace("{followUp}", today().plusDays(9).toString())
                .replace("{new}", UUID.randomUUID().toString());
        // a GET's filters go in the address
        if (parts[0].equals("GET") && !filled.isEmpty()) {
            return MatrixRequests.request(parts[0], path + "?" + filled, "", who, token);
        }
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}

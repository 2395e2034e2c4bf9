package no.tilfrisk.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
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
class FollowupAccessMatrixTest {

    /** Which targets each demo account may reach: the person register's department rule, for tallies too. */
    static final Map<String, Set<MatrixTarget>> RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    /**
     * Every endpoint with a request that exercises it on the target: {personId} and {person} the person, {id} a
     * contact of theirs with a note and a follow-up (a tally of their department on tally paths), {department} that
     * department; {new} a fresh form id, {today} today.
     */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /contacts", "person={person}"),
            Map.entry("GET /contacts/new", "person={person}"),
            Map.entry("GET /persons/{personId}/contacts", ""),
            Map.entry("POST /persons/{personId}/contacts", "formId={new}&date={today}&time=10:00&type=PHONE"),
            Map.entry("GET /contacts/{id}", ""),
            Map.entry("GET /contacts/{id}/edit", ""),
            Map.entry("POST /contacts/{id}", "date={today}&time=11:00&type=HOME_VISIT&followUpOn={followUp}"),
            Map.entry("POST /contacts/{id}/void", "reason=Matrise"),
            Map.entry("POST /contacts/{id}/follow-up-done", ""),
            // «Angre» within a minute: the fixture's follow-up is open, so an allowed call is refused with a message
            Map.entry("POST /contacts/{id}/follow-up-undo", "from=start"),
            Map.entry("GET /tallies", "department={department}"),
            Map.entry("POST /tallies", "formId={new}&departmentId={department}&type=PHONE&from={today}&to={today}&count=3"),
            Map.entry("POST /tallies/{id}/void", "reason=Matrise"),
            Map.entry("GET /api/v1/contacts", "person={person}"),
            Map.entry("POST /api/v1/contacts", "{\"personId\": \"{person}\", \"date\": \"{today}\", \"time\": \"10:00\", \"type\": \"PHONE\"}"),
            Map.entry("GET /api/v1/contacts/{id}", ""),
            Map.entry("PUT /api/v1/contacts/{id}", "{\"date\": \"{today}\", \"time\": \"11:00\", \"type\": \"HOME_VISIT\", \"followUpOn\": \"{followUp}\"}"),
            Map.entry("POST /api/v1/contacts/{id}/void", "{\"reason\": \"Matrise\"}"),
            Map.entry("POST /api/v1/contacts/{id}/follow-up-done", ""),
            // as the page's «Angre»: the fixture's follow-up is open, so an allowed call is refused with the field's error
            Map.entry("POST /api/v1/contacts/{id}/follow-up-undo", ""),
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
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAContactOrTallyOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .accounts(RIGHTS.keySet())
                .allowed(c -> RIGHTS.get(c.account()).contains(c.target()))
                .formErrorsRefuse()
                .allowedMayAnswer((c, r) -> c.endpoint().endsWith("/follow-up-undo") && r.status() == 400
                        && r.body().contains("\"field\":\"followUpOn\""))
                .state(this::state)
                // voiding and marking done use the target up: each such call gets a fresh one
                .fixtureFor(c -> c.endpoint().contains("void") || c.endpoint().contains("follow-up-done")
                        ? fixture(c.target(), c.fixture().name()) : c.fixture())
                .judge(c -> c.endpoint().equals("GET /"), (c, r) -> {
                    // the fixture's follow-up is the organisation admin's: only they see it, and only if they may
                    boolean shows = r.body().contains("Følg opp " + c.fixture().name());
                    boolean should = r.allowed() && c.account().startsWith("admin@");
                    // a participant's start is «Min side», which shows nobody else's tasks
                    boolean toMinSide = r.status() == 302 && "/min-side".equals(r.redirect());
                    return (r.status() != 200 && !toMinSide) || shows != should || (toMinSide && should)
                            ? (shows ? "shows" : "does not show") + " the follow-up" : null;
                })
                .check((c, r) -> !RIGHTS.get(c.account()).contains(c.target())
                        && (r.body().contains(c.fixture().name()) || r.body().contains(c.fixture().note()))
                        ? "leaks the person's name or note" : null)
                // the fixtures' follow-ups would crowd the admin's task list of the next targets
                .afterTarget(f -> Tenancy.runAs(f.organisation(), () -> tx.executeWithoutResult(s -> db.sql("""
                        UPDATE contact SET follow_up_done_at = now()
                         WHERE person_id IN (SELECT p.id FROM person p WHERE p.display_name = ?) AND follow_up_done_at IS NULL""")
                        .param(f.name()).update())))
                .verify();
    }

    /** A person with a contact (the note names them; a follow-up for the organisation admin) and a tally. */
    record Fixture(UUID organisation, String name, UUID person, UUID contact, UUID tally, UUID department, String note)
            implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "person", person, "id", endpoint.contains("/tallies/") ? tally : contact,
                    "department", department, "followUp", today().plusDays(9));
        }
    }

    private Fixture fixture(MatrixTarget target) {
        return fixture(target, "Matrise " + UUID.randomUUID().toString().substring(0, 8));
    }

    private Fixture fixture(MatrixTarget target, String name) {
        UUID organisation = target.organisation();
        String department = target.department();
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername(target.admin())).userId();
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
            return new Fixture(organisation, name, person, contactId, tallyId, departmentId, note);
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

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}

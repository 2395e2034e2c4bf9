package no.tilfrisk.caregroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
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
 * Every page of the responsibility group × every demo account (the partner caseworker included) × a person in the
 * caller's own department, another department and another organisation. Staff follow the person register's
 * department rule; the participant reads only their own group on «Min side»; nobody else reaches a group, the
 * minutes never show to anyone without the right, and a refused call changes nothing.
 */
@TilfriskTest
class CareGroupAccessMatrixTest {

    enum Need { DEPARTMENT, OWN }

    record Endpoint(Need need, String body) {
    }

    /** {personId} the target person, {memberId} the person's own membership, {meetingId} a meeting of the group. */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /persons/{personId}/ansvarsgruppe", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/members", new Endpoint(Need.DEPARTMENT,
                    "formId={new}&kind=STAFF&userId={staffId}&role=Matrise")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/members/{memberId}/remove", new Endpoint(Need.DEPARTMENT,
                    "confirmed=true")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/meetings", new Endpoint(Need.DEPARTMENT,
                    "formId={new}&heldOn={today}&attendees={memberId}&minutes=Matrise")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/meetings/{meetingId}/decisions", new Endpoint(Need.DEPARTMENT,
                    "formId={new}&what=Matrise&responsibleMemberId={memberId}")),
            Map.entry("GET /min-side/ansvarsgruppe", new Endpoint(Need.OWN, "")),
            Map.entry("GET /api/v1/persons/{personId}/care-group", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("POST /api/v1/persons/{personId}/care-group/members", new Endpoint(Need.DEPARTMENT,
                    "{\"kind\": \"STAFF\", \"userId\": \"{staffId}\", \"role\": \"Matrise\"}")),
            Map.entry("DELETE /api/v1/persons/{personId}/care-group/members/{memberId}", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("POST /api/v1/persons/{personId}/care-group/meetings", new Endpoint(Need.DEPARTMENT,
                    "{\"heldOn\": \"{today}\", \"attendees\": [\"{memberId}\"], \"minutes\": \"Matrise\"}")),
            Map.entry("POST /api/v1/persons/{personId}/care-group/meetings/{meetingId}/decisions", new Endpoint(Need.DEPARTMENT,
                    "{\"what\": \"Matrise\", \"responsibleMemberId\": \"{memberId}\"}")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    People people;
    @Autowired
    ResponsibilityGroups groups;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.caregroup");
        assertThat(found).hasSize(11);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void onlyStaffWhoSeeThePersonKeepTheGroupAndOnlyThePersonReadsTheirOwn() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> c.row().need() == Need.OWN ? c.account().equals("deltaker@demo.tilfrisk.no")
                        : MatrixTarget.DEPARTMENT_RULE.get(c.account()).contains(c.target()))
                .formErrorsRefuse()
                .state(this::state)
                .fixtureFor(c -> c.read() ? c.fixture() : fixture(c.target()))
                .check((c, r) -> r.body().contains(c.fixture().secret()) && !(c.read() && c.row().need() == Need.DEPARTMENT
                        && MatrixTarget.DEPARTMENT_RULE.get(c.account()).contains(c.target())) ? "shows the minutes" : null)
                .verify();
    }

    record Fixture(UUID organisation, UUID person, UUID member, UUID meeting, UUID staff, String secret)
            implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "memberId", member, "meetingId", meeting, "staffId", staff);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        UUID person = people.register(target.organisation(), target.department(), "Gruppe " + UUID.randomUUID().toString().substring(0, 8));
        String secret = "Referat-" + UUID.randomUUID();
        return People.asSystem(target.organisation(), () -> tx.execute(s -> {
            UUID member = groups.addMember(UUID.randomUUID(), person, new MemberForm(MemberKind.PERSON, null, null, null, null));
            UUID meeting = groups.addMeeting(UUID.randomUUID(), person,
                    new MeetingForm(LocalDate.now(Dates.OSLO), List.of(member), secret));
            UUID staff = db.sql("SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'ORG_ADMIN' LIMIT 1")
                    .query(UUID.class).single();
            return new Fixture(target.organisation(), person, member, meeting, staff, secret);
        }));
    }

    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT (SELECT count(*) FROM care_group_member m JOIN care_group g ON g.id = m.group_id
                                 WHERE g.person_id = :p AND m.removed_at IS NULL) || '/'
                            || (SELECT count(*) FROM care_meeting m JOIN care_group g ON g.id = m.group_id WHERE g.person_id = :p) || '/'
                            || (SELECT count(*) FROM care_decision d JOIN care_meeting m ON m.id = d.meeting_id
                                  JOIN care_group g ON g.id = m.group_id WHERE g.person_id = :p)""")
                .param("p", f.person()).query(String.class).single()));
    }
}

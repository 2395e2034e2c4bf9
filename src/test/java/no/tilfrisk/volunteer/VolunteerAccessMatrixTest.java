package no.tilfrisk.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
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
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the volunteer module × every demo role × a volunteer, participants and matches in
 * the caller's own department, in another department, and in another organisation. Staff follow the person
 * register's department rule; the volunteer (frivillig@) reaches only their own matches, and sees a participant's
 * name only on their own pages, with consent, while the match runs; the participant (deltaker@) only their own
 * matches on «Min side»; report readers nothing. Where there is no right the answer is 403, 404 or the form again
 * with an error, nothing changes, and no name leaks. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class VolunteerAccessMatrixTest {

    /** What an endpoint needs. */
    enum Need {
        /** admins, coordinators and staff; not about the target */
        STAFF_ANY,
        /** admins of the caller's organisation; not about the target */
        ADMIN_ANY,
        /** admins of the target's organisation, coordinators and staff of its department */
        STAFF_DEPARTMENT,
        /** the volunteer; not about the target */
        VOLUNTEER_ANY,
        /** the volunteer, on their own match (in the demo organisation) */
        VOLUNTEER_OWN,
        /** the participant; not about the target */
        PARTICIPANT_ANY,
        /** the participant, on their own match (in the demo organisation) */
        PARTICIPANT_OWN
    }

    record Endpoint(Need need, String body) {
    }

    private static final String PROFILE_JSON = "{\"kind\": \"TIDGIVER\", \"capacity\": 2, \"languages\": \"nb\"}";
    private static final String SCREENING_FORM = "policeSeenOn={today}&policeSeenBy=Kari&confidentialitySignedOn={today}"
            + "&trainingCourse=Kurs&trainingOn={today}&interviewOn={today}";
    private static final String SCREENING_JSON = "{\"policeSeenOn\": \"{today}\", \"policeSeenBy\": \"Kari\", "
            + "\"confidentialitySignedOn\": \"{today}\", \"trainingCourse\": \"Kurs\", \"trainingOn\": \"{today}\", "
            + "\"interviewOn\": \"{today}\"}";

    /**
     * {id}: on /volunteers/{id} and the API's /{personId} the target's volunteer; on a match the target's active
     * match; on the volunteer's pages the demo volunteer's active match (to accept: their proposal); on «Min side»
     * the demo participant's proposal (another organisation: its own matches). {personId} on a wish the matched
     * participant, on suggestions the one who waits ({waitingId}); {freeId} a screened volunteer with room.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /volunteers", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /volunteers/settings", new Endpoint(Need.ADMIN_ANY, "years=3")),
            Map.entry("GET /volunteers/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /volunteers/{id}/profile", new Endpoint(Need.STAFF_DEPARTMENT, "kind=TIDGIVER&capacity=2&languages=nb")),
            Map.entry("POST /volunteers/{id}/screening", new Endpoint(Need.STAFF_DEPARTMENT, SCREENING_FORM)),
            Map.entry("GET /volunteers/waiting", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("GET /volunteers/wishes/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /volunteers/wishes/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "wishes=COMPANY&text=Prat&waiting=true")),
            Map.entry("GET /volunteers/suggestions/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /volunteers/matches", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&participantId={waitingId}&volunteerId={freeId}&helpKind=COMPANY")),
            Map.entry("GET /volunteers/assignment", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /volunteers/assignment", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&rows[0].participantId={waitingId}&rows[0].volunteerId={freeId}&rows[0].helpKind=COMPANY")),
            Map.entry("GET /volunteers/matches/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /volunteers/matches/{id}/act", new Endpoint(Need.STAFF_DEPARTMENT, "action=PAUSE")),
            Map.entry("POST /volunteers/matches/{id}/check-ins/{step}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /volunteers/matches/{id}/share", new Endpoint(Need.STAFF_DEPARTMENT, "shareMethod=VERBAL")),
            Map.entry("POST /volunteers/matches/{id}/goals", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("GET /frivillig", new Endpoint(Need.VOLUNTEER_ANY, "")),
            Map.entry("POST /frivillig/matches/{id}/accept", new Endpoint(Need.VOLUNTEER_OWN, "")),
            Map.entry("GET /frivillig/matches/{id}", new Endpoint(Need.VOLUNTEER_OWN, "")),
            Map.entry("POST /frivillig/matches/{id}/end", new Endpoint(Need.VOLUNTEER_OWN, "confirmed=true")),
            Map.entry("POST /frivillig/matches/{id}/meetings", new Endpoint(Need.VOLUNTEER_OWN,
                    "formId={new}&metOn={today}&hours=2&what=TALK")),
            Map.entry("GET /min-side/frivillig", new Endpoint(Need.PARTICIPANT_ANY, "")),
            Map.entry("POST /min-side/frivillig/wish", new Endpoint(Need.PARTICIPANT_ANY, "wishes=COMPANY&waiting=true")),
            Map.entry("POST /min-side/frivillig/matches/{id}/accept", new Endpoint(Need.PARTICIPANT_OWN, "")),
            Map.entry("POST /min-side/frivillig/matches/{id}/end", new Endpoint(Need.PARTICIPANT_OWN, "confirmed=true")),
            Map.entry("POST /min-side/frivillig/matches/{id}/share", new Endpoint(Need.PARTICIPANT_OWN, "")),
            Map.entry("POST /min-side/frivillig/matches/{id}/goals", new Endpoint(Need.PARTICIPANT_OWN, "")),
            Map.entry("POST /min-side/frivillig/matches/{id}/unshare", new Endpoint(Need.PARTICIPANT_OWN, "confirmed=true")),
            Map.entry("GET /api/v1/volunteers", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("GET /api/v1/volunteers/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("PUT /api/v1/volunteers/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, PROFILE_JSON)),
            Map.entry("PUT /api/v1/volunteers/{personId}/screening", new Endpoint(Need.STAFF_DEPARTMENT, SCREENING_JSON)),
            Map.entry("GET /api/v1/volunteers/{personId}/matches", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("GET /api/v1/volunteers/matches", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/volunteers/matches", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"participantId\": \"{waitingId}\", \"volunteerId\": \"{freeId}\", \"helpKind\": \"COMPANY\"}")),
            Map.entry("GET /api/v1/volunteers/matches/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/volunteers/matches/{id}/transitions", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"action\": \"PAUSE\"}")),
            Map.entry("GET /api/v1/volunteers/matches/{id}/meetings", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/volunteers/matches/{id}/meetings", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"metOn\": \"{today}\", \"hours\": 2, \"what\": \"TALK\"}")),
            Map.entry("GET /api/v1/volunteers/suggestions/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/volunteers/matches/{id}/check-ins/{step}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/volunteers/matches/{id}/share", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"shareMethod\": \"VERBAL\"}")),
            Map.entry("PUT /api/v1/volunteers/matches/{id}/goals", new Endpoint(Need.STAFF_DEPARTMENT, "{\"goalIds\": []}")),
            Map.entry("GET /api/v1/volunteers/wishes/{personId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("PUT /api/v1/volunteers/wishes/{personId}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"wishes\": [\"COMPANY\"], \"text\": \"Prat\", \"waiting\": true}")),
            Map.entry("GET /api/v1/volunteers/assignment", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/volunteers/assignment", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"rows\": [{\"participantId\": \"{waitingId}\", \"volunteerId\": \"{freeId}\", \"helpKind\": \"COMPANY\"}]}")),
            Map.entry("GET /api/v1/volunteers/settings", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("PUT /api/v1/volunteers/settings", new Endpoint(Need.ADMIN_ANY, "{\"years\": 3}")),
            Map.entry("POST /api/v1/volunteers/me/matches/{id}/accept", new Endpoint(Need.VOLUNTEER_OWN, "")),
            Map.entry("POST /api/v1/volunteers/me/matches/{id}/end", new Endpoint(Need.VOLUNTEER_OWN, "")),
            Map.entry("GET /api/v1/volunteers/me/participants", new Endpoint(Need.VOLUNTEER_ANY, "")),
            Map.entry("POST /api/v1/volunteers/me/matches/{id}/meetings", new Endpoint(Need.VOLUNTEER_OWN,
                    "{\"metOn\": \"{today}\", \"hours\": 2, \"what\": \"TALK\"}")));

    /** Writes that use their target up (a proposal made, a state moved): each gets a fresh fixture. */
    static final Set<String> USES_UP = Set.of("POST /volunteers/matches", "POST /volunteers/assignment",
            "POST /volunteers/matches/{id}/act", "POST /api/v1/volunteers/matches",
            "POST /api/v1/volunteers/matches/{id}/transitions", "POST /frivillig/matches/{id}/accept",
            "POST /min-side/frivillig/matches/{id}/accept", "POST /min-side/frivillig/matches/{id}/end",
            "POST /frivillig/matches/{id}/end", "POST /api/v1/volunteers/assignment",
            "POST /api/v1/volunteers/me/matches/{id}/accept", "POST /api/v1/volunteers/me/matches/{id}/end");

    /** Where the volunteer may see their participant's name: their own pages. */
    static final Set<String> VOLUNTEER_SEES = Set.of("GET /frivillig", "GET /frivillig/matches/{id}",
            "GET /api/v1/volunteers/me/participants", "POST /frivillig/matches/{id}/meetings");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Matches matches;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.volunteer");
        assertThat(found).hasSizeGreaterThan(30);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAVolunteerRecordOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()),
                        t -> fixture(t, true, true, true))
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .fixtureFor(c -> c.read() || !USES_UP.contains(c.endpoint()) ? c.fixture()
                        // the demo volunteer's matches only where their yes uses one up: they have room for twenty
                        : fixture(c.target(), c.account().startsWith("frivillig@") && (c.endpoint().startsWith("POST /frivillig/")
                                        || c.endpoint().startsWith("POST /api/v1/volunteers/me/")),
                                c.account().startsWith("deltaker@") && c.endpoint().startsWith("POST /min-side/"), false))
                .check((c, r) -> {
                    Fixture f = c.fixture();
                    boolean volunteerSees = c.account().startsWith("frivillig@")
                            && c.target() != MatrixTarget.OTHER_ORGANISATION && VOLUNTEER_SEES.contains(c.endpoint());
                    if (!seesPersons(c.account(), c.target()) && !volunteerSees && r.body().contains(f.name())) {
                        return "shows the participant";
                    }
                    if (c.account().startsWith("frivillig@")
                            && (r.body().contains(f.waitingName()) || r.body().contains(f.otherName()))) {
                        return "shows the volunteer a participant they are not matched with";
                    }
                    if (c.account().startsWith("frivillig@") && r.body().contains(f.unsharedName())) {
                        return "shows the volunteer a participant whose consent names another volunteer";
                    }
                    return null;
                })
                .verify();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean coordinator = account.startsWith("koordinator@");
        boolean staff = account.startsWith("ansatt@");
        boolean demoTarget = target != MatrixTarget.OTHER_ORGANISATION;
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") != demoTarget;
        return switch (need) {
            case STAFF_ANY -> admin || coordinator || staff;
            case ADMIN_ANY -> admin;
            case STAFF_DEPARTMENT -> sameOrganisation && (admin || ((coordinator || staff) && target == MatrixTarget.OWN_DEPARTMENT));
            case VOLUNTEER_ANY -> account.startsWith("frivillig@");
            case VOLUNTEER_OWN -> account.startsWith("frivillig@") && demoTarget;
            case PARTICIPANT_ANY -> account.startsWith("deltaker@");
            case PARTICIPANT_OWN -> account.startsWith("deltaker@") && demoTarget;
        };
    }

    /** Whether the account may see the persons of the target's department through the register. */
    private static boolean seesPersons(String account, MatrixTarget target) {
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return sameOrganisation && (account.startsWith("admin@")
                || ((account.startsWith("koordinator@") || account.startsWith("ansatt@")) && target == MatrixTarget.OWN_DEPARTMENT));
    }

    record Fixture(UUID organisation, String name, String waitingName, String otherName, String unsharedName,
                   UUID volunteer, UUID free,
                   UUID participant, UUID waiting, UUID match, UUID proposed, UUID fridaMatch, UUID fridaProposed,
                   UUID dagMatch) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            UUID id = endpoint.contains("/frivillig/matches/") || endpoint.contains("/me/matches/")
                    ? (endpoint.endsWith("/accept") ? fridaProposed : fridaMatch)
                    : endpoint.contains("/matches/") ? match : volunteer;
            if (endpoint.contains("/min-side/frivillig/matches/")) {
                id = dagMatch;
            }
            UUID personId = endpoint.contains("/suggestions/") ? waiting
                    : endpoint.contains("/wishes/") ? participant : volunteer;
            return Map.of("id", id, "personId", personId, "freeId", free, "waitingId", waiting, "step", "WEEK_2");
        }
    }

    /**
     * A volunteer with an active match (and a meeting) and a proposal, a free volunteer, a participant who waits;
     * in the demo organisation also the demo volunteer's active and proposed matches with the same participants
     * ({@code frida}) and a proposal to the demo participant ({@code dag}), where the cell needs them.
     */
    /**
     * The demo volunteer's and the demo participant's matches of the shared fixtures, made once per target: the
     * runner makes a shared fixture per account and target, and the demo volunteer has room for twenty matches.
     */
    private final Map<MatrixTarget, UUID[]> demoMatches = new EnumMap<>(MatrixTarget.class);

    /**
     * The demo volunteer's matches this class made, for the shared fixtures and for the current cell's own: ended
     * when done with, so that she has room in the next cell and later classes find her with room.
     */
    private final List<UUID> fridasMade = new ArrayList<>();
    private final List<UUID> fridasForOneCell = new ArrayList<>();

    @AfterEach
    void endTheDemoVolunteersMatches() {
        end(fridasMade);
        end(fridasForOneCell);
    }

    private void end(List<UUID> made) {
        People.asSystem(Demo.DEMO_RECOVERY, () -> {
            for (UUID match : made) {
                if (matches.get(match).match().state().open()) {
                    matches.act(match, MatchAction.END, EndReason.DID_NOT_WORK);
                }
            }
            return null;
        });
        made.clear();
    }

    private Fixture fixture(MatrixTarget target, boolean frida, boolean dag, boolean shared) {
        UUID org = target.organisation();
        String department = target.department();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Matrise " + tag;
        UUID volunteer = fixtures.volunteer(org, department, "Frivillig " + tag, fixtures.today().minusDays(30));
        UUID free = fixtures.volunteer(org, department, "Ledig " + tag, fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(org, department, name, true);
        UUID waiting = fixtures.participant(org, department, "Venter " + tag, true);
        UUID other = fixtures.participant(org, department, "Andre " + tag, true);
        UUID match = fixtures.active(org, volunteer, participant);
        UUID proposed = fixtures.proposed(org, volunteer, other);
        UUID fridaMatch = match;
        UUID fridaProposed = proposed;
        UUID dagMatch = proposed;
        if (org.equals(Demo.DEMO_RECOVERY) && shared && demoMatches.containsKey(target)) {
            UUID[] cached = demoMatches.get(target);
            fridaMatch = cached[0];
            fridaProposed = cached[1];
            dagMatch = cached[2];
        } else if (org.equals(Demo.DEMO_RECOVERY)) {
            UUID fridaPerson = person("frivillig@demo.tilfrisk.no");
            if (frida) {
                if (!shared) {
                    // a cell's own fixture serves that one call: the previous cell's are done with, and the demo
                    // volunteer has room for twenty
                    end(fridasForOneCell);
                }
                fixtures.roomFor(org, fridaPerson);
                fridaMatch = fixtures.active(org, fridaPerson, participant);
                fridaProposed = fixtures.proposed(org, fridaPerson, other);
                (shared ? fridasMade : fridasForOneCell).addAll(List.of(fridaMatch, fridaProposed));
            }
            if (frida && shared) {
                // running with Frida too, but consenting to share with another volunteer only (once per target:
                // Frida has room for twenty matches)
                UUID unshared = fixtures.participant(org, department, "Uten deling " + tag, false);
                UUID another = fixtures.volunteer(org, department, "Annen " + tag, fixtures.today().minusDays(30));
                fixtures.active(org, another, unshared, true);
                fridasMade.add(fixtures.active(org, fridaPerson, unshared, false));
            }
            if (dag) {
                dagMatch = fixtures.proposed(org, free, person("deltaker@demo.tilfrisk.no"));
            }
            if (shared) {
                demoMatches.put(target, new UUID[] {fridaMatch, fridaProposed, dagMatch});
            }
        }
        return new Fixture(org, name, "Venter " + tag, "Andre " + tag, "Uten deling " + tag, volunteer, free, participant, waiting, match,
                proposed, fridaMatch, fridaProposed, dagMatch);
    }

    private UUID person(String email) {
        UUID user = ((TilfriskUser) accounts.loadUserByUsername(email)).userId();
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> userAccounts.personOf(user).orElseThrow()));
    }

    /** Everything about the target that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT string_agg(concat_ws('/', id, state, started_on, ended_on), ',' ORDER BY id)
                                  FROM volunteer_match WHERE id IN (:match, :proposed, :fridaMatch, :fridaProposed, :dagMatch)
                                     OR participant_id = :waiting),
                               (SELECT count(*) FROM volunteer_meeting WHERE match_id IN (:match, :fridaMatch)),
                               (SELECT count(*) FROM volunteer_check_in WHERE match_id = :match),
                               (SELECT string_agg(concat_ws('/', match_id, goal_id), ',' ORDER BY match_id, goal_id)
                                  FROM volunteer_match_goal WHERE match_id IN (:match, :fridaMatch, :dagMatch)),
                               (SELECT string_agg(concat_ws('/', id, withdrawn_at), ',' ORDER BY id) FROM consent
                                 WHERE purpose = 'SHARE_WITH_VOLUNTEER' AND person_id IN (SELECT participant_id
                                       FROM volunteer_match WHERE id IN (:match, :fridaMatch, :dagMatch))),
                               (SELECT updated_at FROM volunteer_profile WHERE person_id = :volunteer),
                               (SELECT updated_at FROM volunteer_screening WHERE person_id = :volunteer),
                               (SELECT updated_at FROM volunteer_wish WHERE person_id = :participant),
                               (SELECT updated_at FROM volunteer_setting))""")
                .param("match", f.match()).param("proposed", f.proposed()).param("fridaMatch", f.fridaMatch())
                .param("fridaProposed", f.fridaProposed()).param("dagMatch", f.dagMatch())
                .param("waiting", f.waiting()).param("volunteer", f.volunteer()).param("participant", f.participant())
                .query(String.class).single()));
    }
}

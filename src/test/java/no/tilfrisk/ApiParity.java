package no.tilfrisk;

import java.util.Map;

/**
 * Every page form (every non-GET page endpoint of the access matrices) beside its twin in {@code /api/v1}: the API
 * endpoint that does the same, or why the page alone does it, or the gap still open (issue 20, item 1). Kept beside
 * {@link AccessMatrix}: {@code ApiParityWalkTest} fails when a page endpoint of a matrix is in none of these, when a
 * twin named here does not exist, and when the gaps grow.
 */
public final class ApiParity {

    /** What a page form has in the API. */
    public sealed interface Twin permits Api, PageOnly, Gap {
    }

    /** The API endpoint ({@code "PUT /api/v1/persons/{id}"}) that does what the page form does. */
    public record Api(String endpoint) implements Twin {
    }

    /** The page alone does it, for this reason. */
    public record PageOnly(String reason) implements Twin {
    }

    /** No twin yet: a known gap, named so that it is not forgotten (issue 20 stays open on it). */
    public record Gap(String what) implements Twin {
    }

    private static Api api(String endpoint) {
        return new Api(endpoint);
    }

    private static final String ACCOUNTS = "sign-in accounts (passwords, second factor, tokens) are kept on the "
            + "pages: a token cannot make or change a sign-in";

    public static final Map<String, Twin> PAGES = Map.<String, Twin>ofEntries(
            // accounts, the organisation, sign-in
            Map.entry("POST /account/second-factor", new PageOnly(ACCOUNTS)),
            Map.entry("POST /account/second-factor/recovery-codes", new PageOnly(ACCOUNTS)),
            Map.entry("POST /account/tokens", new PageOnly(ACCOUNTS)),
            Map.entry("POST /account/tokens/{id}/revoke", new PageOnly(ACCOUNTS)),
            Map.entry("POST /admin/users", new PageOnly(ACCOUNTS)),
            Map.entry("POST /admin/users/{id}", new PageOnly(ACCOUNTS)),
            Map.entry("POST /admin/users/{id}/active", new PageOnly(ACCOUNTS)),
            Map.entry("POST /admin/users/{id}/password", new PageOnly(ACCOUNTS)),
            Map.entry("POST /admin/users/{id}/second-factor", new PageOnly(ACCOUNTS)),
            Map.entry("POST /login/second-factor", new PageOnly("signing in to the pages; the API takes a bearer token")),
            Map.entry("POST /invitation/{token}", new PageOnly("the invited person's own answer through a secret link, "
                    + "before they have an account")),
            Map.entry("POST /logout/provider", new PageOnly("signing out of the pages and the identity provider")),
            Map.entry("POST /admin/sign-in", new PageOnly("the organisation's sign-in provider (issuer, client "
                    + "secret): kept on the pages, as sign-in accounts are")),
            Map.entry("POST /admin/webhooks", api("POST /api/v1/webhooks")),
            Map.entry("POST /admin/webhooks/{id}/active", api("PUT /api/v1/webhooks/{id}/active")),
            Map.entry("POST /admin/departments", api("POST /api/v1/departments")),
            Map.entry("POST /admin/departments/{id}", api("PUT /api/v1/departments/{id}")),
            Map.entry("POST /admin/settings", api("PUT /api/v1/organisation/settings")),
            Map.entry("POST /admin/audit/checkpoint", api("POST /api/v1/audit/checkpoint")),
            Map.entry("POST /admin/audit/verify", api("POST /api/v1/audit/verify")),
            Map.entry("POST /persons/{personId}/invitation", api("POST /api/v1/persons/{personId}/invitation")),
            Map.entry("POST /min-side/aktiviteter/{sessionId}", api("POST /api/v1/me/sessions/{sessionId}/sign-up")),
            // activities and sessions
            Map.entry("POST /activities", api("POST /api/v1/activities")),
            Map.entry("POST /activities/kinds", api("POST /api/v1/activity-kinds")),
            Map.entry("POST /activities/{id}", api("PUT /api/v1/activities/{id}")),
            Map.entry("POST /activities/{id}/archive", api("DELETE /api/v1/activities/{id}")),
            Map.entry("POST /activities/{id}/unarchive", api("POST /api/v1/activities/{id}/unarchive")),
            Map.entry("POST /activities/{id}/sessions", api("POST /api/v1/activities/{id}/sessions")),
            Map.entry("POST /sessions/{id}/attendance/{personId}", api("PUT /api/v1/sessions/{id}/attendance")),
            Map.entry("POST /sessions/{id}/counts", api("PUT /api/v1/sessions/{id}/attendance")),
            Map.entry("POST /sessions/{id}/cancel", api("POST /api/v1/sessions/{id}/cancel")),
            Map.entry("POST /sessions/{id}/reinstate", api("POST /api/v1/sessions/{id}/reinstate")),
            Map.entry("POST /distributions", api("POST /api/v1/distributions")),
            Map.entry("POST /distributions/{id}/remove", api("DELETE /api/v1/distributions/{id}")),
            Map.entry("POST /calendar/feeds", new PageOnly("a calendar feed is a secret address for a calendar "
                    + "program; an API client reads the sessions themselves")),
            Map.entry("POST /calendar/feeds/{id}/revoke", new PageOnly("as the feed itself")),
            // persons
            Map.entry("POST /persons", api("POST /api/v1/persons")),
            Map.entry("POST /persons/{id}", api("PUT /api/v1/persons/{id}")),
            Map.entry("POST /persons/{id}/deactivate", api("POST /api/v1/persons/{id}/deactivate")),
            Map.entry("POST /persons/{id}/reactivate", api("POST /api/v1/persons/{id}/reactivate")),
            Map.entry("POST /persons/{id}/erase", new PageOnly("erasure (GDPR art. 17) cannot be undone: a coordinator "
                    + "confirms it on the page, by design")),
            Map.entry("POST /persons/{id}/roles", api("POST /api/v1/persons/{id}/roles")),
            Map.entry("POST /persons/{id}/roles/{roleId}/end", api("POST /api/v1/persons/{id}/roles/{roleId}/end")),
            Map.entry("POST /persons/{id}/memberships", api("POST /api/v1/persons/{id}/memberships")),
            Map.entry("POST /persons/{id}/memberships/{membershipId}/end",
                    api("POST /api/v1/persons/{id}/memberships/{membershipId}/end")),
            Map.entry("POST /persons/{id}/relatives", api("POST /api/v1/persons/{id}/relatives")),
            Map.entry("POST /persons/{id}/relatives/{linkId}/remove", api("DELETE /api/v1/persons/{id}/relatives/{linkId}")),
            Map.entry("POST /persons/{id}/consents", api("POST /api/v1/persons/{id}/consents")),
            Map.entry("POST /persons/{id}/consents/{consentId}/withdraw",
                    api("POST /api/v1/persons/{id}/consents/{consentId}/withdraw")),
            // follow-up
            Map.entry("POST /persons/{personId}/contacts", api("POST /api/v1/contacts")),
            Map.entry("POST /contacts/{id}", api("PUT /api/v1/contacts/{id}")),
            Map.entry("POST /contacts/{id}/follow-up-done", api("POST /api/v1/contacts/{id}/follow-up-done")),
            Map.entry("POST /contacts/{id}/follow-up-undo", api("POST /api/v1/contacts/{id}/follow-up-undo")),
            Map.entry("POST /contacts/{id}/void", api("POST /api/v1/contacts/{id}/void")),
            Map.entry("POST /tallies", api("POST /api/v1/tallies")),
            Map.entry("POST /tallies/{id}/void", api("POST /api/v1/tallies/{id}/void")),
            // mapping, plan, outcomes
            Map.entry("POST /persons/{personId}/mappings", api("POST /api/v1/persons/{personId}/mappings")),
            Map.entry("POST /persons/{personId}/plan/goals", api("POST /api/v1/persons/{personId}/plan/goals")),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}", api("PUT /api/v1/persons/{personId}/plan/goals/{goalId}")),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}/actions",
                    api("POST /api/v1/persons/{personId}/plan/goals/{goalId}/actions")),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}/evaluations",
                    api("POST /api/v1/persons/{personId}/plan/goals/{goalId}/evaluations")),
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}",
                    api("PUT /api/v1/persons/{personId}/plan/actions/{actionId}")),
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}/done",
                    api("POST /api/v1/persons/{personId}/plan/actions/{actionId}/done")),
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}/undo-done",
                    api("POST /api/v1/persons/{personId}/plan/actions/{actionId}/undo-done")),
            Map.entry("POST /persons/{personId}/plan/proposals/{proposalId}",
                    api("POST /api/v1/persons/{personId}/plan/proposals/{proposalId}")),
            Map.entry("POST /persons/{personId}/outcomes", api("POST /api/v1/persons/{personId}/responses")),
            Map.entry("POST /outcomes/settings", api("PUT /api/v1/outcomes/settings")),
            Map.entry("POST /outcomes/instruments/{instrumentId}", api("PUT /api/v1/outcomes/instruments/{instrumentId}")),
            // responsibility group, referrals
            Map.entry("POST /persons/{personId}/ansvarsgruppe/members", api("POST /api/v1/persons/{personId}/care-group/members")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/members/{memberId}/remove",
                    api("DELETE /api/v1/persons/{personId}/care-group/members/{memberId}")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/meetings", api("POST /api/v1/persons/{personId}/care-group/meetings")),
            Map.entry("POST /persons/{personId}/ansvarsgruppe/meetings/{meetingId}/decisions",
                    api("POST /api/v1/persons/{personId}/care-group/meetings/{meetingId}/decisions")),
            Map.entry("POST /persons/{personId}/referrals", api("POST /api/v1/persons/{personId}/referrals")),
            Map.entry("POST /persons/{personId}/referrals/{referralId}/outcome",
                    api("POST /api/v1/persons/{personId}/referrals/{referralId}/outcome")),
            // transitions and partners
            Map.entry("POST /persons/{personId}/transitions", api("POST /api/v1/persons/{personId}/transitions")),
            Map.entry("POST /persons/{personId}/transitions/{id}", api("PUT /api/v1/transitions/{id}")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items/{itemId}", api("PUT /api/v1/transitions/items/{itemId}")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items/{itemId}/status",
                    api("POST /api/v1/transitions/items/{itemId}/status")),
            Map.entry("POST /persons/{personId}/transitions/{id}/move", api("POST /api/v1/transitions/{id}/date-moves")),
            Map.entry("POST /persons/{personId}/transitions/{id}/cancel", api("POST /api/v1/transitions/{id}/cancel")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items", api("POST /api/v1/transitions/{id}/items")),
            Map.entry("POST /partner/persons/{id}/items/{itemId}", api("POST /api/v1/transitions/items/{itemId}/status")),
            Map.entry("POST /transitions/alerts/{alertId}/done", api("POST /api/v1/transitions/alerts/{alertId}/done")),
            Map.entry("POST /transitions/email-choice", api("PUT /api/v1/transitions/email-choice")),
            Map.entry("POST /admin/transitions/extras", api("POST /api/v1/transitions/settings/extras")),
            Map.entry("POST /admin/transitions/extras/{extraId}/retire",
                    api("POST /api/v1/transitions/settings/extras/{extraId}/retire")),
            Map.entry("POST /admin/transitions/institutions", api("POST /api/v1/transitions/settings/institutions")),
            Map.entry("POST /admin/transitions/institutions/{institutionId}/active",
                    api("PUT /api/v1/transitions/settings/institutions/{institutionId}/active")),
            Map.entry("POST /admin/partners", api("POST /api/v1/partners")),
            Map.entry("POST /admin/partners/{id}/active", api("PUT /api/v1/partners/{id}/active")),
            Map.entry("POST /admin/partners/{id}/accounts", new PageOnly("makes a sign-in account with a password and "
                    + "a second factor: accounts are made on the pages, as staff accounts are")),
            // spreadsheet import (issue 20, item 2)
            Map.entry("POST /imports", api("POST /api/v1/imports")),
            Map.entry("POST /imports/files/{id}/dry-run", api("POST /api/v1/imports/files/{id}/dry-run")),
            Map.entry("POST /imports/files/{id}/run", api("POST /api/v1/imports/files/{id}/run")),
            Map.entry("POST /imports/{batchId}/undo", api("POST /api/v1/imports/{batchId}/undo")),
            // collaboration, projects, reports, directory
            Map.entry("POST /collaboration", api("POST /api/v1/collaboration")),
            Map.entry("POST /collaboration/{id}", api("PUT /api/v1/collaboration/{id}")),
            Map.entry("POST /collaboration/{id}/delete", api("DELETE /api/v1/collaboration/{id}")),
            Map.entry("POST /projects", api("POST /api/v1/projects")),
            Map.entry("POST /projects/{id}", api("PUT /api/v1/projects/{id}")),
            Map.entry("POST /projects/{id}/delete", api("DELETE /api/v1/projects/{id}")),
            Map.entry("POST /projects/{id}/activities", api("PUT /api/v1/projects/{id}/activities/{activityId}")),
            Map.entry("POST /projects/{id}/activities/{activityId}/remove",
                    api("DELETE /api/v1/projects/{id}/activities/{activityId}")),
            Map.entry("POST /projects/{id}/participants", api("PUT /api/v1/projects/{id}/participants/{personId}")),
            Map.entry("POST /projects/{id}/participants/{personId}/remove",
                    api("DELETE /api/v1/projects/{id}/participants/{personId}")),
            Map.entry("POST /reports/annual/texts/{section}", api("PUT /api/v1/reports/annual/texts/{section}")),
            Map.entry("POST /reports/annual/settings", api("PUT /api/v1/reports/annual/settings")),
            Map.entry("POST /directory/offers", api("POST /api/v1/offers")),
            Map.entry("POST /directory/offers/{id}", api("PUT /api/v1/offers/{id}")),
            Map.entry("POST /directory/offers/{id}/confirm", api("POST /api/v1/offers/{id}/confirm")),
            // leisure
            Map.entry("POST /leisure/clubs", api("POST /api/v1/leisure/clubs")),
            Map.entry("POST /leisure/clubs/{id}", api("PUT /api/v1/leisure/clubs/{id}")),
            Map.entry("POST /leisure/equipment", api("POST /api/v1/leisure/equipment")),
            Map.entry("POST /leisure/loans", api("POST /api/v1/leisure/loans")),
            Map.entry("POST /leisure/loans/{id}/return", api("POST /api/v1/leisure/loans/{id}/return")),
            Map.entry("POST /leisure/processes", api("POST /api/v1/leisure/processes")),
            Map.entry("POST /leisure/processes/{id}/steps", api("POST /api/v1/leisure/processes/{id}/steps")),
            Map.entry("POST /leisure/processes/{id}/check-ins/{due}", api("POST /api/v1/leisure/processes/{id}/check-ins/{due}")),
            Map.entry("POST /leisure/processes/{id}/decisions", api("POST /api/v1/leisure/processes/{id}/decisions")),
            Map.entry("POST /leisure/processes/{id}/decisions/{decisionId}/hours",
                    api("POST /api/v1/leisure/processes/{id}/decisions/{decisionId}/hours")),
            Map.entry("POST /leisure/processes/{id}/end", api("POST /api/v1/leisure/processes/{id}/end")),
            Map.entry("POST /leisure/processes/{id}/wishes", api("PUT /api/v1/leisure/processes/{id}/wishes")),
            // volunteers
            Map.entry("POST /volunteers/{id}/profile", api("PUT /api/v1/volunteers/{personId}")),
            Map.entry("POST /volunteers/{id}/screening", api("PUT /api/v1/volunteers/{personId}/screening")),
            Map.entry("POST /volunteers/matches", api("POST /api/v1/volunteers/matches")),
            Map.entry("POST /volunteers/matches/{id}/act", api("POST /api/v1/volunteers/matches/{id}/transitions")),
            Map.entry("POST /volunteers/matches/{id}/check-ins/{step}", api("POST /api/v1/volunteers/matches/{id}/check-ins/{step}")),
            Map.entry("POST /volunteers/matches/{id}/goals", api("PUT /api/v1/volunteers/matches/{id}/goals")),
            Map.entry("POST /volunteers/matches/{id}/share", api("POST /api/v1/volunteers/matches/{id}/share")),
            Map.entry("POST /volunteers/wishes/{personId}", api("PUT /api/v1/volunteers/wishes/{personId}")),
            Map.entry("POST /volunteers/assignment", api("POST /api/v1/volunteers/assignment")),
            Map.entry("POST /volunteers/settings", api("PUT /api/v1/volunteers/settings")),
            Map.entry("POST /frivillig/matches/{id}/meetings", api("POST /api/v1/volunteers/me/matches/{id}/meetings")),
            Map.entry("POST /frivillig/matches/{id}/accept", api("POST /api/v1/volunteers/me/matches/{id}/accept")),
            Map.entry("POST /frivillig/matches/{id}/end", api("POST /api/v1/volunteers/me/matches/{id}/end")),
            // the participant's own pages
            Map.entry("POST /min-side/maalinger/{instrumentId}/send", api("POST /api/v1/persons/{personId}/responses")),
            Map.entry("POST /min-side/maalinger/{instrumentId}", new PageOnly("one question per page with a draft kept "
                    + "between steps; the API takes the whole response at once")),
            Map.entry("POST /min-side/maalinger/{instrumentId}/avbryt", new PageOnly("drops the draft of the "
                    + "step-by-step form, which the API has no need of")),
            Map.entry("POST /min-side/plan/forslag", api("POST /api/v1/me/plan/proposals")),
            Map.entry("POST /min-side/plan/actions/{actionId}/done", api("POST /api/v1/me/plan/actions/{actionId}/done")),
            Map.entry("POST /min-side/overgang/items/{itemId}", api("POST /api/v1/me/transitions/items/{itemId}/status")),
            Map.entry("POST /min-side/fritid/check-ins/{due}", api("POST /api/v1/me/leisure/check-ins/{due}")),
            Map.entry("POST /min-side/frivillig/wish", api("PUT /api/v1/me/volunteer/wish")),
            Map.entry("POST /min-side/frivillig/matches/{id}/accept", api("POST /api/v1/me/volunteer/matches/{id}/accept")),
            Map.entry("POST /min-side/frivillig/matches/{id}/end", api("POST /api/v1/me/volunteer/matches/{id}/end")),
            Map.entry("POST /min-side/frivillig/matches/{id}/goals", api("PUT /api/v1/me/volunteer/matches/{id}/goals")),
            Map.entry("POST /min-side/frivillig/matches/{id}/share", api("POST /api/v1/me/volunteer/matches/{id}/share")),
            Map.entry("POST /min-side/frivillig/matches/{id}/unshare", api("POST /api/v1/me/volunteer/matches/{id}/unshare")));

    /** The gaps when this list was made: the walk fails when a new page form adds one instead of its twin. */
    public static final int GAPS_AT_MOST = 0;

    private ApiParity() {
    }
}

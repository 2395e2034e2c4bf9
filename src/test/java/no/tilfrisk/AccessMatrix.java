package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilfrisk.platform.web.Dates;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The runner of every access matrix: each account × each target × each endpoint of a module's table, one request
 * each, judged by one verdict. A module's matrix gives only its table (endpoint → row with a request body), its
 * fixture (the records a target consists of, and the value of every placeholder its endpoints use), who is allowed,
 * and, if its endpoints write, a state query.
 *
 * <p>For each cell the runner
 * <ol>
 * <li>fills the placeholders of the path and the body ({@code {personId}}, {@code {department}} …) from the
 * fixture's {@link Fixture#values values}; {@code {new}} (a fresh UUID for each request) and {@code {today}}
 * (Oslo) are always there, and a placeholder nobody fills fails the test at once;</li>
 * <li>sends it as the account does: a page as the signed-in user with a CSRF token and the body as form fields, an
 * {@code /api/} path with the account's Bearer token and the body as JSON (see {@link MatrixRequests}); a GET's
 * body goes in the address;</li>
 * <li>reads the target's state before and after;</li>
 * <li>judges: a 5xx is a «server error»; an allowed call must succeed («denied but should be allowed»: below 400,
 * a page's write redirects, the answer shows no field error), a call without the right must be refused with 403 or
 * 404 («allowed but should be denied») and leave the state as it was («changed the target»);</li>
 * <li>runs the matrix's own {@link #check checks}, such as «never shows the person's name».</li>
 * </ol>
 * The options below loosen or tighten one part of this where a module's matrix has always done so; each says
 * which. A module's other test, {@link #assertListsEvery}, fails on an endpoint the table does not list.
 *
 * @param <T> a target: where the record lies compared to the caller (usually {@link MatrixTarget})
 * @param <F> the fixture made for a target
 * @param <E> a row of the table: a request body, or the module's own record of what the endpoint needs and its body
 */
public final class AccessMatrix<T, F extends AccessMatrix.Fixture, E> {

    /** The records a target consists of, as the endpoints' placeholders name them. */
    public interface Fixture {
        /** Placeholder (without braces) → value, for the endpoint ({@code "POST /persons/{id}"}) about to be sent. */
        Map<String, ?> values(String endpoint);
    }

    /** One request of the matrix before it is sent: who, against what, which endpoint, with which fresh id. */
    public record Cell<T, F, E>(String account, T target, F fixture, String endpoint, E row, String fresh) {

        public String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        public boolean api() {
            return endpoint.contains(" /api/");
        }

        public boolean read() {
            return method().equals("GET");
        }

        /** A page's form sent: its answer on success is a redirect. */
        public boolean pageWrite() {
            return !api() && !read();
        }

        Cell<T, F, E> with(F other) {
            return new Cell<>(account, target, other, endpoint, row, fresh);
        }
    }

    /**
     * The answer to a cell: whether the matrix allows it, the status, the body (UTF-8), where it redirects, the path
     * asked for, and the target's state before and after (empty without a state query).
     */
    public record Result(boolean allowed, int status, String body, String redirect, String path, String before,
                         String after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** A check of a matrix's own: a failure («shows the person's name») or null. */
    public interface Check<T, F, E> {
        String failure(Cell<T, F, E> cell, Result result);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final MockMvc mvc;
    private final UserDetailsService users;
    private final Map<String, E> endpoints;
    private final Function<E, String> body;
    private final List<T> targets;
    private final Function<T, F> fixture;

    private Collection<String> accounts = Demo.TOKENS.keySet();
    private Predicate<Cell<T, F, E>> allowed;
    private Function<Cell<T, F, E>, F> fixtureFor;
    private Predicate<Cell<T, F, E>> skip = c -> false;
    private Function<F, String> state;
    private Consumer<F> afterTarget = f -> { };
    private IntPredicate lenientDenial;
    private boolean formErrorsRefuse;
    private List<String> successShowsNone = List.of("field-error");
    private BiPredicate<Cell<T, F, E>, Result> allowedMayAnswer = (c, r) -> false;
    private BiPredicate<Cell<T, F, E>, Result> deniedMayAnswer = (c, r) -> false;
    private Predicate<Cell<T, F, E>> judged = c -> false;
    private BiFunction<Cell<T, F, E>, Result, String> judge;
    private final List<Check<T, F, E>> checks = new ArrayList<>();
    private Set<String> unreadBodies = Set.of();

    private AccessMatrix(MockMvc mvc, UserDetailsService users, Map<String, E> endpoints, Function<E, String> body,
                         List<T> targets, Function<T, F> fixture) {
        this.mvc = mvc;
        this.users = users;
        this.endpoints = endpoints;
        this.body = body;
        this.targets = targets;
        this.fixture = fixture;
    }

    /** A matrix whose rows are records of the module's own (what the endpoint needs, and its body). */
    public static <T, F extends Fixture, E> AccessMatrix<T, F, E> of(MockMvc mvc, UserDetailsService users,
                                                                      Map<String, E> endpoints, Function<E, String> body,
                                                                      List<T> targets, Function<T, F> fixture) {
        return new AccessMatrix<>(mvc, users, endpoints, body, targets, fixture);
    }

    /** A matrix whose rows are just the request bodies. */
    public static <T, F extends Fixture> AccessMatrix<T, F, String> of(MockMvc mvc, UserDetailsService users,
                                                                      Map<String, String> endpoints,
                                                                      List<T> targets, Function<T, F> fixture) {
        return new AccessMatrix<>(mvc, users, endpoints, Function.identity(), targets, fixture);
    }

    /** Fails on an endpoint found in the application that the table does not list. */
    public static void assertListsEvery(Map<String, ?> endpoints, Collection<String> found) {
        assertThat(endpoints.keySet()).as("endpoints listed in the matrix").containsAll(found);
    }

    /** The accounts to call as (default: every demo account, see {@link Demo#TOKENS}). */
    public AccessMatrix<T, F, E> accounts(Collection<String> emails) {
        this.accounts = emails;
        return this;
    }

    /** Whether the account may use the endpoint on the target: the expected outcome of every cell. */
    public AccessMatrix<T, F, E> allowed(Predicate<Cell<T, F, E>> rule) {
        this.allowed = rule;
        return this;
    }

    /** The fixture a cell uses instead of the target's shared one: a fresh one where the call would use it up. */
    public AccessMatrix<T, F, E> fixtureFor(Function<Cell<T, F, E>, F> choice) {
        this.fixtureFor = choice;
        return this;
    }

    /** Cells not sent at all (such as permitted writes that would change the demo data). */
    public AccessMatrix<T, F, E> skip(Predicate<Cell<T, F, E>> which) {
        this.skip = which;
        return this;
    }

    /** Everything about the target that an endpoint could change; a refused call must leave it as it was. */
    public AccessMatrix<T, F, E> state(Function<F, String> query) {
        this.state = query;
        return this;
    }

    /** Run after the last endpoint of each account × target, with the target's shared fixture. */
    public AccessMatrix<T, F, E> afterTarget(Consumer<F> work) {
        this.afterTarget = work;
        return this;
    }

    /**
     * Looser success: an allowed call fails only with one of these statuses, whatever else it answers (for matrices
     * whose allowed calls may meet a validation error or a conflict, as a write out of order does).
     */
    public AccessMatrix<T, F, E> lenient(IntPredicate denial) {
        this.lenientDenial = denial;
        return this;
    }

    /** A refusal may also be a 400, or the page again (200) with a field error or an error alert. */
    public AccessMatrix<T, F, E> formErrorsRefuse() {
        this.formErrorsRefuse = true;
        return this;
    }

    /** What an allowed call's answer must not show (default: a field error). */
    public AccessMatrix<T, F, E> successShowsNone(String... markers) {
        this.successShowsNone = List.of(markers);
        return this;
    }

    /** Answers that are right for an allowed cell although the common verdict would call them denied. */
    public AccessMatrix<T, F, E> allowedMayAnswer(BiPredicate<Cell<T, F, E>, Result> which) {
        this.allowedMayAnswer = which;
        return this;
    }

    /** Answers that are right for a cell without the right although they are no 403 or 404. */
    public AccessMatrix<T, F, E> deniedMayAnswer(BiPredicate<Cell<T, F, E>, Result> which) {
        this.deniedMayAnswer = which;
        return this;
    }

    /**
     * Cells judged by a rule of their own instead of the common verdict (a start page that shows some tasks and not
     * others, a page that is the caller's own): the rule returns a failure or null. Server errors and the checks
     * still apply.
     */
    public AccessMatrix<T, F, E> judge(Predicate<Cell<T, F, E>> which, BiFunction<Cell<T, F, E>, Result, String> rule) {
        this.judged = which;
        this.judge = rule;
        return this;
    }

    /** A check of the matrix's own, run on every cell sent. */
    public AccessMatrix<T, F, E> check(Check<T, F, E> check) {
        this.checks.add(check);
        return this;
    }

    /** Answers of this content type are not read (the body counts as empty). */
    public AccessMatrix<T, F, E> ignoreBodyOf(String... contentTypes) {
        this.unreadBodies = Set.of(contentTypes);
        return this;
    }

    /** Sends every cell and fails with the list of every cell whose answer is wrong. */
    public void verify() throws Exception {
        if (allowed == null) {
            throw new IllegalStateException("an access matrix needs its rule: allowed(...)");
        }
        List<String> failures = new ArrayList<>();
        for (String account : accounts) {
            UserDetails who = users.loadUserByUsername(account);
            String token = Demo.TOKENS.get(account);
            for (T target : targets) {
                F shared = fixture.apply(target);
                for (var endpoint : endpoints.entrySet()) {
                    Cell<T, F, E> cell = new Cell<>(account, target, shared, endpoint.getKey(), endpoint.getValue(),
                            UUID.randomUUID().toString());
                    if (skip.test(cell)) {
                        continue;
                    }
                    if (fixtureFor != null) {
                        cell = cell.with(fixtureFor.apply(cell));
                    }
                    send(cell, who, token, failures);
                }
                afterTarget.accept(shared);
            }
        }
        assertThat(failures).as("cells of the access matrix answered wrongly").isEmpty();
    }

    private void send(Cell<T, F, E> cell, UserDetails who, String token, List<String> failures) throws Exception {
        boolean allowed = this.allowed.test(cell);
        String path = fill(cell.endpoint().substring(cell.endpoint().indexOf(' ') + 1), cell);
        String filled = fill(body.apply(cell.row()), cell);
        String before = state(cell.fixture());
        MockHttpServletRequestBuilder request = cell.read() && !filled.isEmpty()
                ? MatrixRequests.request(cell.method(), path + "?" + filled, "", who, token)
                : MatrixRequests.request(cell.method(), path, filled, who, token);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String contentType = response.getContentType();
        boolean unread = contentType != null && unreadBodies.stream().anyMatch(contentType::startsWith);
        Result result = new Result(allowed, response.getStatus(),
                unread ? "" : response.getContentAsString(StandardCharsets.UTF_8), response.getRedirectedUrl(), path,
                before, state(cell.fixture()));
        String at = ": " + cell.account() + " × " + cell.target() + " × " + cell.endpoint() + " → " + result.status();
        for (String failure : verdict(cell, result)) {
            failures.add(failure + at);
        }
        for (Check<T, F, E> check : checks) {
            String failure = check.failure(cell, result);
            if (failure != null) {
                failures.add(failure + at);
            }
        }
    }

    private List<String> verdict(Cell<T, F, E> cell, Result r) {
        int status = r.status();
        if (status >= 500) {
            return List.of("server error");
        }
        if (judged.test(cell)) {
            String failure = judge.apply(cell, r);
            return failure == null ? List.of() : List.of(failure);
        }
        if (r.allowed()) {
            boolean denied = lenientDenial != null ? lenientDenial.test(status)
                    : status >= 400 || (cell.pageWrite() && status != 302)
                    || successShowsNone.stream().anyMatch(r.body()::contains);
            return denied && !allowedMayAnswer.test(cell, r) ? List.of("denied but should be allowed") : List.of();
        }
        List<String> failures = new ArrayList<>();
        boolean refused = status == 403 || status == 404 || (formErrorsRefuse && (status == 400
                || (status == 200 && (r.body().contains("field-error") || r.body().contains("alert-error")))));
        if (!refused && !deniedMayAnswer.test(cell, r)) {
            failures.add("allowed but should be denied");
        }
        if (r.changed()) {
            failures.add("changed the target");
        }
        return failures;
    }

    private String state(F f) {
        return state == null ? "" : state.apply(f);
    }

    private static String fill(String text, Cell<?, ? extends Fixture, ?> cell) {
        Map<String, ?> values = cell.fixture().values(cell.endpoint());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = values.containsKey(name) ? values.get(name)
                    : name.equals("new") ? cell.fresh()
                    : name.equals("today") ? LocalDate.now(Dates.OSLO)
                    : null;
            if (value == null) {
                throw new IllegalStateException("no value for {" + name + "} in " + cell.endpoint()
                        + ": give it in the fixture's values");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}

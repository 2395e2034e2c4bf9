package tilfrisk;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;

/**
 * Staff over the daily pages: each virtual user signs in with a page session as the demo's staff member and goes
 * round the start page («I dag», «Mine oppgaver»), the person list, one person's page, a search and the activities,
 * with a short pause between rounds. Users are spread over the nodes in {@code baseUrls} (comma-separated).
 */
public class DailyPagesSimulation extends Simulation {

    private final List<String> nodes = List.of(System.getProperty("baseUrls", "http://127.0.0.1:18096").split(","));
    private final int users = Integer.getInteger("users", 32);
    private final int seconds = Integer.getInteger("seconds", 60);

    private final HttpProtocolBuilder protocol = http.baseUrls(nodes)
            .acceptHeader("text/html").acceptLanguageHeader("nb").userAgentHeader("tilfrisk-load");

    private final ScenarioBuilder staff = scenario("staff over the daily pages")
            .exec(http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in").post("/login")
                    .formParam("email", System.getProperty("email", "ansatt@demo.tilfrisk.no"))
                    .formParam("password", System.getProperty("password", "tilfrisk-demo"))
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(200), css("input[name=password]").notExists()))
            .during(Duration.ofSeconds(seconds)).on(
                    exec(http("start page").get("/").check(status().is(200)))
                            .exec(http("persons").get("/persons").check(status().is(200),
                                    regex("href=\"/persons/([0-9a-f-]{36})\"").findRandom().saveAs("person")))
                            .exec(http("person").get("/persons/#{person}").check(status().is(200)))
                            .exec(http("search").get("/persons?q=an").check(status().is(200)))
                            .exec(http("activities").get("/activities").check(status().is(200)))
                            .pause(Duration.ofMillis(500), Duration.ofMillis(1500)));

    {
        setUp(staff.injectOpen(rampUsers(users).during(Duration.ofSeconds(10)))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}

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
 * at the pace of {@code pace}. Users are spread over the nodes in {@code baseUrls} (comma-separated).
 */
public class DailyPagesSimulation extends Simulation {

    private final List<String> nodes = List.of(System.getProperty("baseUrls", "http://127.0.0.1:18096").split(","));
    private final int users = Integer.getInteger("users", 32);
    private final int seconds = Integer.getInteger("seconds", 60);
    /**
     * {@code paced} (the default): a user reads each page for 1 to 3 seconds before the next, a staff member clicking
     * through quickly (about 16 pages a second from 32 users, far more than an organisation's staff make).
     * {@code burst}: the five pages back to back, then 0.5 to 1.5 seconds: about four pages a second per user, a
     * stress test that keeps this 2-core machine's processors full.
     */
    private final boolean burst = "burst".equals(System.getProperty("pace", "paced"));
    private final Duration readFrom = Duration.ofSeconds(1);
    private final Duration readTo = Duration.ofSeconds(3);

    private final HttpProtocolBuilder protocol = http.baseUrls(nodes)
            .acceptHeader("text/html").acceptLanguageHeader("nb").userAgentHeader("tilfrisk-load");

    private final ScenarioBuilder staff = scenario("staff over the daily pages")
            .exec(http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in").post("/login")
                    .formParam("email", System.getProperty("email", "ansatt@demo.tilfrisk.no"))
                    .formParam("password", System.getProperty("password", "tilfrisk-demo"))
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(200), css("input[name=password]").notExists()))
            .during(Duration.ofSeconds(seconds)).on(burst
                    ? exec(http("start page").get("/").check(status().is(200)))
                            .exec(http("persons").get("/persons").check(status().is(200),
                                    regex("href=\"/persons/([0-9a-f-]{36})\"").findRandom().saveAs("person")))
                            .exec(http("person").get("/persons/#{person}").check(status().is(200)))
                            .exec(http("search").get("/persons?q=an").check(status().is(200)))
                            .exec(http("activities").get("/activities").check(status().is(200)))
                            .pause(Duration.ofMillis(500), Duration.ofMillis(1500))
                    : exec(http("start page").get("/").check(status().is(200))).pause(readFrom, readTo)
                            .exec(http("persons").get("/persons").check(status().is(200),
                                    regex("href=\"/persons/([0-9a-f-]{36})\"").findRandom().saveAs("person")))
                            .pause(readFrom, readTo)
                            .exec(http("person").get("/persons/#{person}").check(status().is(200))).pause(readFrom, readTo)
                            .exec(http("search").get("/persons?q=an").check(status().is(200))).pause(readFrom, readTo)
                            .exec(http("activities").get("/activities").check(status().is(200))).pause(readFrom, readTo));

    {
        setUp(staff.injectOpen(rampUsers(users).during(Duration.ofSeconds(10)))).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}

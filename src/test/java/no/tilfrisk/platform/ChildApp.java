package no.tilfrisk.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tilfrisk as a child process on a PostgreSQL of the test's own (zonky's binaries as a standalone server, in a
 * temporary directory): what happens to the database or to the process cannot disturb the shared test database
 * of the other classes. The app is started in external-database mode, as an operator would run it, with the owner
 * and app roles of the README.
 */
final class ChildApp implements AutoCloseable {

    static final String OWNER = "tilfrisk_owner";
    static final String APP = "tilfrisk_app";

    final Path dir;
    final int dbPort;
    final int port;
    final HttpClient http;
    final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    EmbeddedPostgres postgres;
    Process process;

    ChildApp(Path dir) throws IOException, SQLException {
        this.dir = dir;
        this.dbPort = freePort();
        this.port = freePort();
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        startDatabase();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD 'owner-secret'");
            s.execute("CREATE ROLE " + APP + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'app-secret'");
            s.execute("CREATE DATABASE tilfrisk OWNER " + OWNER);
            s.execute("REVOKE ALL ON DATABASE tilfrisk FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE tilfrisk TO " + APP);
        }
    }

    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(true)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    void stopDatabase() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** Starts the app with demo data; the options are extra command-line arguments. */
    void start(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.language=nb",
                "-cp", System.getProperty("java.class.path"),
                "no.tilfrisk.TilfriskApplication",
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/tilfrisk",
                "--spring.datasource.username=" + APP,
                "--spring.datasource.password=app-secret",
                "--spring.flyway.user=" + OWNER,
                "--spring.flyway.password=owner-secret",
                "--tilfrisk.data-dir=" + dir.resolve("data"),
                "--tilfrisk.demo.enabled=true",
                "--tilfrisk.scheduling.enabled=false"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile()).start();
    }

    String log() {
        try {
            return Files.readString(dir.resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    HttpResponse<String> get(String path, Duration timeout, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The readiness probe as an orchestrator asks: no cookies. */
    HttpResponse<String> readiness(Duration timeout) throws IOException, InterruptedException {
        return probe.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Requests waiting for one of the pool's connections, from the metrics (the demo's operator token). */
    double pendingConnections() throws IOException, InterruptedException {
        HttpResponse<String> metrics = probe.send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer demo-operator").build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(line -> line.startsWith("hikaricp_connections_pending{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Signs in as the demo admin with the login form (its CSRF token in the session cookie's session). */
    void signIn() throws IOException, InterruptedException {
        String form = get("/login", Duration.ofSeconds(20)).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in the login page");
        }
        String body = "email=admin%40demo.tilfrisk.no&password=tilfrisk-demo&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        // the child's log, for a failure's post-mortem
        Files.createDirectories(Path.of("target"));
        Files.copy(dir.resolve("app.log"), Path.of("target", "child-app.log"), StandardCopyOption.REPLACE_EXISTING);
        if (postgres != null) {
            postgres.close();
        }
    }
}

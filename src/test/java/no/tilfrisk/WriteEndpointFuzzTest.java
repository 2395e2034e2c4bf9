package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 21, item 7: every write endpoint that an access matrix lists (each {@code *AccessMatrixTest}'s
 * {@code ENDPOINTS}, found on the class path, so a new matrix is walked too) gets the bodies an attacker sends:
 * a wildcard content type, and every field at once as {@code abc}, {@code -5}, {@code 99999999999} and with a NUL
 * character added. Nothing may answer 5xx, and every error of an {@code /api/} address must be problem+json.
 * Ids in paths are fresh (nothing exists under them): the point is what binding and validation make of the
 * bodies, which happens before any record is looked up.
 */
@TilfriskTest
class WriteEndpointFuzzTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final List<String> VALUES = List.of("abc", "-5", "99999999999", "\0");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Clock clock;

    record Row(String endpoint, String body, Collection<?> roles) {
    }

    @Test
    void noWriteEndpointAnswers5xxOrANonProblemApiErrorToBadBodies() throws Exception {
        List<Row> rows = writeEndpoints();
        assertThat(rows).as("write endpoints of the access matrices").hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Row row : rows) {
            String method = row.endpoint().substring(0, row.endpoint().indexOf(' '));
            String path = fill(row.endpoint().substring(method.length() + 1));
            boolean api = path.startsWith("/api/");
            String body = fill(row.body());
            // a wildcard content type: 415, whatever the body
            MockHttpServletResponse wildcard = send(method, path, api, row, r -> r.header("Content-Type", "*/*")
                    .content(body.isEmpty() ? "{}" : body));
            requests++;
            judge(failures, row, "Content-Type */*", wildcard, api);
            if (wildcard.getStatus() != 415) {
                failures.add(row.endpoint() + " with Content-Type */*: " + wildcard.getStatus() + " instead of 415");
            }
            for (String value : VALUES) {
                MockHttpServletResponse response = api
                        ? send(method, path, true, row, r -> r.contentType(MediaType.APPLICATION_JSON)
                                .content(jsonWith(body, value)))
                        : send(method, path, false, row, r -> formWith(r, body, value));
                requests++;
                judge(failures, row, "every field " + (value.equals("\0") ? "with a NUL" : value), response, api);
            }
        }
        assertThat(failures).as("after %d requests to %d write endpoints", requests, rows.size()).isEmpty();
    }

    @Test
    void everyApiEndpointIsARestControllerSoItsErrorsAreProblems() {
        List<String> plain = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (api && !method.getBeanType().isAnnotationPresent(RestController.class)) {
                plain.add(method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
            }
        });
        assertThat(plain).isEmpty();
    }

    private void judge(List<String> failures, Row row, String what, MockHttpServletResponse response, boolean api) {
        String where = row.endpoint() + " with " + what + ": ";
        if (response.getStatus() >= 500) {
            failures.add(where + response.getStatus());
        } else if (api && response.getStatus() >= 400 && !problem(response)) {
            failures.add(where + response.getStatus() + " with " + response.getContentType() + " instead of problem+json");
        }
    }

    private static boolean problem(MockHttpServletResponse response) {
        return response.getContentType() != null
                && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()));
    }

    private MockHttpServletResponse send(String method, String path, boolean api, Row row,
                                         java.util.function.UnaryOperator<MockHttpServletRequestBuilder> body)
            throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        String account = account(path, row.roles());
        if (api) {
            request.header("Authorization", Demo.bearer(Demo.TOKENS.get(account)));
        } else {
            request.with(user(accounts.loadUserByUsername(account))).with(csrf());
        }
        return mvc.perform(body.apply(request)).andReturn().getResponse();
    }

    /** Someone who may use the endpoint, so the body is read: the admin, unless the endpoint is a participant's or a volunteer's. */
    private static String account(String path, Collection<?> roles) {
        String need = roles == null ? "" : roles.toString();
        if (path.startsWith("/min-side") || (!need.contains("ORG_ADMIN") && need.contains("PARTICIPANT"))) {
            return "deltaker@demo.tilfrisk.no";
        }
        if (path.startsWith("/frivillig") || (!need.contains("ORG_ADMIN") && need.contains("VOLUNTEER"))) {
            return "frivillig@demo.tilfrisk.no";
        }
        return Demo.ADMIN;
    }

    private static MockHttpServletRequestBuilder formWith(MockHttpServletRequestBuilder request, String body, String value) {
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String name = pair.split("=", 2)[0];
                String original = pair.contains("=") ? pair.split("=", 2)[1] : "";
                request.param(name, value.equals("\0") ? original + "\0" : value);
            }
        }
        return request;
    }

    private String jsonWith(String body, String value) {
        if (body.isBlank()) {
            return "{}";
        }
        JsonNode node = json.readTree(body);
        return json.writeValueAsString(replaced(node, value));
    }

    private JsonNode replaced(JsonNode node, String value) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = json.createObjectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), replaced(e.getValue(), value)));
            return copy;
        }
        if (node.isArray()) {
            var copy = json.createArrayNode();
            node.forEach(n -> copy.add(replaced(n, value)));
            return copy;
        }
        if (value.equals("\0")) {
            return json.getNodeFactory().stringNode(node.asString() + "\0");
        }
        // numbers as JSON numbers where the field is one, text otherwise
        return node.isNumber() && !value.equals("abc")
                ? json.readTree(value) : json.getNodeFactory().stringNode(value);
    }

    private String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("today") ? LocalDate.now(clock).toString()
                    // a year stands bare in a JSON body, as a number
                    : name.equals("year") ? String.valueOf(LocalDate.now(clock).getYear() - 1)
                    // a placeholder named …Json stands for a JSON value, not text inside quotes
                    : name.endsWith("Json") ? "\"" + UUID.randomUUID() + "\"" : UUID.randomUUID().toString();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Every write endpoint of every access matrix, with its body and, where the matrix keeps them, its roles. */
    static List<Row> writeEndpoints() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*AccessMatrixTest")));
        Map<String, Row> rows = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("no.tilfrisk")) {
            Class<?> matrix = Class.forName(candidate.getBeanClassName());
            Field field;
            try {
                field = matrix.getDeclaredField("ENDPOINTS");
            } catch (NoSuchFieldException e) {
                continue;
            }
            field.setAccessible(true);
            for (var entry : ((Map<?, ?>) field.get(null)).entrySet()) {
                String endpoint = (String) entry.getKey();
                if (!endpoint.startsWith("GET ")) {
                    rows.putIfAbsent(endpoint, row(endpoint, entry.getValue()));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    private static Row row(String endpoint, Object value) throws Exception {
        if (value instanceof String body) {
            return new Row(endpoint, body, null);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                c.getAccessor().setAccessible(true);
                parts.put(c.getName(), c.getAccessor().invoke(value));
            }
        }
        Object body = parts.get("body");
        Collection<?> roles = parts.values().stream().filter(Collection.class::isInstance).map(Collection.class::cast)
                .findFirst().orElse(null);
        if (roles == null) {
            // a matrix that keeps who may call in an enum: its name is the hint
            roles = parts.values().stream().filter(Enum.class::isInstance).map(Object::toString)
                    .collect(Collectors.toList());
        }
        return new Row(endpoint, body instanceof String s ? s : "", roles);
    }
}

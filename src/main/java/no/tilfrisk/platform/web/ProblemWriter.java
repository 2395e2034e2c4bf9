package no.tilfrisk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem+json body where no controller advice can: in a servlet filter, in the security
 * filters, and for the server's error dispatch of an {@code /api/} request. The text comes from
 * {@code problem.<key>} and {@code problem.<key>.title} in the caller's language (the API's rule: English when
 * {@code Accept-Language} asks for it, bokmål otherwise).
 */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemWriter(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Whether the request (or, in the error dispatch, the request that failed) is one of the API's. */
    public static boolean isApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        return path != null && path.startsWith(request.getContextPath() + "/api/");
    }

    /** The message key ({@code problem.…}) for a status that has no more particular reason. */
    public static String keyFor(int status) {
        return switch (status) {
            case 400 -> "problem.bad-request";
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.not-found";
            case 405 -> "problem.method";
            case 406 -> "problem.not-acceptable";
            case 413 -> "problem.too-large";
            case 415 -> "problem.unsupported-media-type";
            case 503 -> "problem.unavailable";
            default -> status >= 500 ? "problem.internal" : "problem.bad-request";
        };
    }

    public ProblemDetail problem(HttpServletRequest request, int status, String key) {
        Locale locale = locale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(key, null, locale));
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(request, status, key));
    }

    /** The body alone, for a writer that has only text (the server's own error report). */
    public String json(HttpServletRequest request, int status, String key) {
        return json.writeValueAsString(problem(request, status, key));
    }

    static Locale locale(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> wanted = request.getLocales();
            while (wanted.hasMoreElements()) {
                Locale supported = WebConfiguration.SupportedLocales.match(wanted.nextElement());
                if (supported != null) {
                    return supported;
                }
            }
        }
        return WebConfiguration.BOKMAAL;
    }
}

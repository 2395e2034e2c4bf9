package no.tilfrisk.platform.web;

import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before any servlet sees them (a request line it cannot parse, a request target with
 * characters RFC 3986 does not allow, a bad escape, headers too large) get Tomcat's error report valve, replaced
 * here. For an {@code /api/} address the report is problem+json like every other API error; for any other address,
 * and for a request line so broken that there is no address, it is Tilfrisk's own short error page
 * ({@link StandalonePages}), never Tomcat's page, a stack trace or the server's version.
 */
@Component
class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProblemWriter problems;
    private final StandalonePages pages;

    ServerRefusals(ProblemWriter problems, StandalonePages pages) {
        this.problems = problems;
        this.pages = pages;
    }

    @Override
    public int getOrder() {
        // after Spring Boot's own customizer, whose error report valve this one replaces
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ApiErrorReportValve(problems, pages));
            // the host adds a default report valve at start unless one of exactly its configured class is there
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    static final class ApiErrorReportValve extends ErrorReportValve {

        private final ProblemWriter problems;
        private final StandalonePages pages;

        ApiErrorReportValve(ProblemWriter problems, StandalonePages pages) {
            this.problems = problems;
            this.pages = pages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI();
            boolean api = uri != null && uri.startsWith("/api/");
            try {
                response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (api) {
                    writer.write(problems.json(request, status, ProblemWriter.keyFor(status)));
                } else {
                    pages.write(request, status >= 500 ? "5xx" : "4xx", writer);
                }
                response.finishResponse();
            } catch (Exception | LinkageError e) {
                // the report is a courtesy; the status has been set already
                container.getLogger().debug("Could not write the API error report", e);
            }
        }
    }
}

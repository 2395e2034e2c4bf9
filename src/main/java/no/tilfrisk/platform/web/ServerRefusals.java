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
 * Requests that Tomcat refuses before any servlet sees them (a request target with characters RFC 3986 does not
 * allow, a bad escape) get Tomcat's own error report. For an {@code /api/} address that report is problem+json like
 * every other API error; elsewhere it stays Tomcat's short page without a stack trace or server version (Spring
 * Boot's setting with {@code server.error.include-stacktrace=never}). Refusals so early that the request has no
 * address at all still get Tomcat's page: the container gives no hook there.
 */
@Component
class ServerRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProblemWriter problems;

    ServerRefusals(ProblemWriter problems) {
        this.problems = problems;
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
            pipeline.addValve(new ApiErrorReportValve(problems));
            // the host adds a default report valve at start unless one of exactly its configured class is there
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    static final class ApiErrorReportValve extends ErrorReportValve {

        private final ProblemWriter problems;

        ApiErrorReportValve(ProblemWriter problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                String body = problems.json(request, status, ProblemWriter.keyFor(status));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (Exception | LinkageError e) {
                // the report is a courtesy; the status has been set already
                container.getLogger().debug("Could not write the API error report", e);
            }
        }
    }
}

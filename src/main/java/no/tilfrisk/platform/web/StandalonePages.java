package no.tilfrisk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders {@code error/standalone.html}, an error page that needs neither the layout nor the session nor the
 * database, where Spring MVC's error pages cannot be used: while the database is away, and in Tomcat's own error
 * report. The language is the one the request's {@code Accept-Language} asks for, as for problem+json.
 */
@Component
class StandalonePages {

    private final ITemplateEngine templates;

    StandalonePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** {@code kind} names the messages {@code error.<kind>.title} and {@code error.<kind>.text}. */
    void write(HttpServletRequest request, String kind, Writer writer) throws IOException {
        templates.process("error/standalone", new Context(ProblemWriter.locale(request), Map.of("kind", kind)), writer);
        writer.flush();
    }
}

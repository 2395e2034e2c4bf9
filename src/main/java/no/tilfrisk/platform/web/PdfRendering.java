package no.tilfrisk.platform.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * PDF from the same Thymeleaf templates as the pages (openhtmltopdf), so that a printout says what the page
 * says. Templates for PDF are well-formed XHTML without links to other pages.
 */
@Component
public class PdfRendering {

    private final SpringTemplateEngine templates;
    private final ApplicationContext application;

    PdfRendering(SpringTemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        Context context = new Context(locale, model);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String html = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        }
    }
}

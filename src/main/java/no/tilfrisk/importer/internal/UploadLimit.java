package no.tilfrisk.importer.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.tilfrisk.importer.Spreadsheets;
import no.tilfrisk.platform.web.ProblemWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the server takes (spring.servlet.multipart) is refused before any controller sees it; this
 * turns it into the import's message about the size instead of an error page (for the API, problem+json). The
 * import is the only upload.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    private final MessageSource messages;
    private final ProblemWriter problems;

    UploadLimit(MessageSource messages, ProblemWriter problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ProblemWriter.isApi(request)) {
            problems.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "problem.too-large");
            return null;
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("message", messages.getMessage("import.file.tooLarge",
                new Object[] {Spreadsheets.MAX_BYTES / (1024 * 1024)}, LocaleContextHolder.getLocale()));
        return "importer/refused";
    }
}

package no.tilfrisk.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On pages, a value the database refuses is a 400 with the friendly error page, never a 500. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(DataIntegrityViolationException.class)
    String refusedByDatabase(DataIntegrityViolationException ex, HttpServletResponse response) {
        log.info("Input refused by the database: {}", ex.getMostSpecificCause().getMessage());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "error/4xx";
    }
}

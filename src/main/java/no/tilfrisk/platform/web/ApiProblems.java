package no.tilfrisk.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import no.tilfrisk.platform.database.DatabaseAway;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error from the API as RFC 9457 problem+json, in the caller's language, with one entry per wrong field.
 * Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(ex.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value of the wrong form in a field that Jackson can name: that field, as a field error
        if (ex.getCause() instanceof JacksonException wrong && !wrong.getPath().isEmpty()) {
            Class<?> type = wrong instanceof MismatchedInputException m ? m.getTargetType()
                    : wrong instanceof InputCoercionException c ? c.getTargetType() : null;
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
            // in the API's own forms (an ISO date, an enum's names), not the pages' wording; a text refused has
            // its own reason (a NUL character)
            problem.setProperty("errors", List.of(new FieldProblem(path(wrong), type == String.class ? wrongType(type)
                    : JsonFields.expected(type, messages, LocaleContextHolder.getLocale()))));
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "problem.unreadable"));
    }

    /** Every other refusal of Spring MVC (415, 405, 406, 404 …) in the caller's language, never the framework's text. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        return super.handleExceptionInternal(ex, problem(status, ProblemWriter.keyFor(status.value())), headers,
                statusCode, request);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private String wrongType(Class<?> type) {
        Locale locale = LocaleContextHolder.getLocale();
        String general = messages.getMessage("problem.wrong-type", null, locale);
        return type == null ? general : messages.getMessage(
                "typeMismatch." + ClassUtils.resolvePrimitiveIfNecessary(type).getName(), null, general, locale);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
        problem.setProperty("errors", ex.all().stream().map(e -> new FieldProblem(e.field(),
                messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "problem.not-found"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
        problem.setProperty("errors", List.of(new FieldProblem(ex.getParameterName(),
                messages.getMessage("problem.missing", null, LocaleContextHolder.getLocale()))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
        if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // An id that is not a UUID names nothing that exists.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "problem.not-found"));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
        Class<?> type = ex.getRequiredType() == null ? null : ClassUtils.resolvePrimitiveIfNecessary(ex.getRequiredType());
        // a NUL character in a text parameter: the type is right, the value is not
        if (ex.getValue() instanceof String text && NulCharacters.contains(text)) {
            type = String.class;
        }
        problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), wrongType(type))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "problem.forbidden"));
    }

    /** A value the database refuses (a NUL character, a number out of range) is the caller's error, not ours. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException ex) {
        logger.info("Input refused by the database: " + ex.getMostSpecificCause().getMessage());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "problem.invalid"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DatabaseAway.causedBy(ex)) {
            logger.warn("Database unavailable in API call: " + ex.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable"));
        }
        logger.error("Unexpected error in API call", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal"));
    }

    private ProblemDetail invalid(BindingResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
        List<FieldProblem> fields = result.getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), messages.getMessage(e, locale)))
                .toList();
        problem.setProperty("errors", fields);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage(key + ".title", null, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}

package no.tilfrisk.platform.web;

import org.springframework.validation.Errors;

/**
 * Input that passed the form's own checks but breaks a rule only the service can see, such as a name already
 * taken. Names the field and a message code so pages and the API can show it next to the field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidInputException(String field, String code) {
        super("Invalid " + field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** Puts this error on a form's binding result, next to its field. */
    public void addTo(Errors errors) {
        errors.rejectValue(field, code);
    }
}

package no.tilfrisk.platform.web;

import java.util.List;
import org.springframework.validation.Errors;

/**
 * Input that passed the form's own checks but breaks a rule only the service can see, such as a name already
 * taken. Names the field and a message code so pages and the API can show it next to the field. Several broken
 * rules can travel together ({@link #throwIfAny}), so that a form shows all its errors at once.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String code;
    private final Object[] args;
    private final List<InvalidInputException> all;

    public InvalidInputException(String field, String code) {
        this(field, code, (Object[]) null);
    }

    /** With arguments for the message, such as the question's number and the scale's ends. */
    public InvalidInputException(String field, String code, Object... args) {
        super("Invalid " + field + ": " + code);
        this.field = field;
        this.code = code;
        this.args = args;
        this.all = List.of(this);
    }

    private InvalidInputException(List<InvalidInputException> broken) {
        super("Invalid " + broken.stream().map(e -> e.field + ": " + e.code).toList());
        this.field = broken.get(0).field;
        this.code = broken.get(0).code;
        this.args = broken.get(0).args;
        this.all = List.copyOf(broken);
    }

    /** Throws one exception carrying every broken rule, or nothing when none is broken. */
    public static void throwIfAny(List<InvalidInputException> broken) {
        if (broken.size() == 1) {
            throw broken.get(0);
        }
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken);
        }
    }

    /** The first broken rule's field. */
    public String field() {
        return field;
    }

    /** The first broken rule's message code. */
    public String code() {
        return code;
    }

    /** The first broken rule's message arguments, or null. */
    public Object[] args() {
        return args;
    }

    /** Every broken rule, each with its field and code. */
    public List<InvalidInputException> all() {
        return all;
    }

    /** Puts these errors on a form's binding result, each next to its field. */
    public void addTo(Errors errors) {
        all.forEach(e -> errors.rejectValue(e.field, e.code, e.args, null));
    }
}

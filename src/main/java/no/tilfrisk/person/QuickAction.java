package no.tilfrisk.person;

import java.util.List;

/**
 * A button-like link near the top of a person's page to a form with the person chosen, as «Logg kontakt». A
 * source offers it only to a reader who may do it.
 *
 * @param order    its place among the actions (contact 10, attendance 20, measurement 30)
 * @param labelKey the message on the link, with {@code args} as its arguments
 * @param href     the form's address, relative to the application (as {@code /persons/…/contacts#log})
 */
public record QuickAction(int order, String labelKey, List<Object> args, String href) {

    public QuickAction {
        args = args == null ? List.of() : List.copyOf(args);
    }
}

package no.tilfrisk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * A second step before an action that ends, removes or withdraws something (issue 15, item 7), which works without
 * JavaScript. The action's button posts as before; unless the request carries {@code confirmed=true} the
 * controller changes nothing and answers {@link #ask}: a page that says what will happen and posts the same
 * parameters again, now confirmed, with a way back that changes nothing. The controller checks the caller's right
 * to the record before it asks, so the question itself gives nothing away.
 */
public final class Confirmation {

    /** The request parameter of the confirmed post. */
    public static final String CONFIRMED = "confirmed";

    private Confirmation() {
    }

    /**
     * The confirmation page for this post.
     *
     * @param back     where «No, go back» leads (and the language switch, since the post has no page of its own)
     * @param question the message key of the question, with its arguments; the arguments are not escaped by the
     *                 message but by the page
     * @param button   the message key of the button that does it («Withdraw», «Archive»)
     */
    public static String ask(Model model, HttpServletRequest request, String back, String button, String question,
                             Object... arguments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!CONFIRMED.equals(name) && !"_csrf".equals(name) && values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        String uri = request.getRequestURI();
        model.addAttribute("confirmAction", uri.substring(request.getContextPath().length()));
        model.addAttribute("confirmParameters", parameters);
        model.addAttribute("confirmQuestion", question);
        model.addAttribute("confirmArguments", arguments);
        model.addAttribute("confirmButton", button);
        model.addAttribute("confirmBack", back);
        model.addAttribute("currentPath", back);
        return "confirm";
    }
}

package no.tilfrisk.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the path, for the language switch to come back to. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    /**
     * The page's own path; on an error page (403, 404) the path that failed, not {@code /error}, so that «English»
     * shows the same refusal in English instead of asking for {@code /error} itself.
     */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        return uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
    }
}

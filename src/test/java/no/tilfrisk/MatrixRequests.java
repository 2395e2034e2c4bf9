package no.tilfrisk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A request of an access matrix: an API path with the account's token and a JSON body, or a page as the signed-in
 * user with a CSRF token and the body as form fields ({@code a=1&b=2}).
 */
public final class MatrixRequests {

    private MatrixRequests() {
    }

    /** Every endpoint ({@code "GET /path"}) whose controller lives in the package or below, so a matrix can list them all. */
    public static Set<String> endpointsIn(
            RequestMappingHandlerMapping mappings, String packageName) {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith(packageName)) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> found.add(m.name() + " " + path));
                }
            }
        });
        return found;
    }

    public static MockHttpServletRequestBuilder request(String method, String path, String body, UserDetails who,
                                                        String token) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + token);
            if (!body.isEmpty()) {
                request.contentType("application/json").content(body);
            }
        } else {
            request.with(user(who)).with(csrf());
            for (String pair : body.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    request.param(kv[0], kv[1]);
                }
            }
        }
        return request;
    }
}

package no.tilfrisk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One browser for MockMvc: keeps the session cookie between requests and always comes from the same address,
 * so a test can walk through the steps of signing in as a person does.
 */
public final class SignInSession {

    private final MockMvc mvc;
    private final String address;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public SignInSession(MockMvc mvc) {
        this(mvc, TestAccounts.freshAddress());
    }

    public SignInSession(MockMvc mvc, String address) {
        this.mvc = mvc;
        this.address = address;
    }

    public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        ResultActions result = mvc.perform(request);
        for (Cookie cookie : result.andReturn().getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        return result;
    }

    public ResultActions signIn(String email, String password) throws Exception {
        return post("/login", "email", email, "password", password);
    }

    public ResultActions get(String path) throws Exception {
        return perform(MockMvcRequestBuilders.get(path));
    }

    public ResultActions post(String path, String... nameValuePairs) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).with(csrf());
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.param(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return perform(request);
    }

    /** The value of a cookie the browser holds now, or null. */
    public String cookie(String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }

    public String address() {
        return address;
    }
}

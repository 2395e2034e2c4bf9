package no.tilfrisk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageModelTest {

    @Test
    void anErrorPageSwitchesLanguageOnThePathThatFailedNotOnTheErrorPage() {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/persons");
        assertThat(new PageModel().currentPath(page)).isEqualTo("/persons");
        // the container forwards a 403 or 404 to /error and keeps the path that failed
        MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/reports/annual/settings");
        assertThat(new PageModel().currentPath(error)).isEqualTo("/reports/annual/settings");
    }
}

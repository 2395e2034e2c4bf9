package no.tilfrisk.organisation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@TilfriskTest
class DepartmentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Departments departments;

    @Test
    void submittingTheSameFormTwiceCreatesOneDepartment() throws Exception {
        String formId = UUID.randomUUID().toString();
        String name = "Dobbelklikk " + formId;
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/departments").with(user(admin())).with(csrf())
                            .param("formId", formId).param("name", name).param("startDate", "2020-05-13"))
                    .andExpect(redirectedUrl("/admin/departments"));
        }
        String page = mvc.perform(get("/admin/departments").with(user(admin())))
                .andExpect(content().string(containsString("13.05.2020")))
                .andReturn().getResponse().getContentAsString();
        Assertions.assertThat(page.split(name, -1)).hasSize(2);
    }

    @Test
    void wrongInputIsShownNextToEachFieldInTheUsersLanguage() throws Exception {
        mvc.perform(post("/admin/departments").with(user(admin())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("name", "")
                        .param("municipality", "m".repeat(101)).param("startDate", "2020-13-45"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skjemaet har feil")))
                .andExpect(content().string(containsString("Skriv inn et navn på avdelingen.")))
                .andExpect(content().string(containsString("Kommunenavnet kan ha høyst 100 tegn.")))
                .andExpect(content().string(containsString("Skriv datoen som dd.mm.åååå.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));

        mvc.perform(post("/admin/departments").with(user(admin())).with(csrf()).cookie(english())
                        .param("formId", UUID.randomUUID().toString()).param("name", "n".repeat(201))
                        .param("startDate", "2999-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The name can have at most 200 characters.")))
                .andExpect(content().string(containsString("The start date cannot be in the future.")));
    }

    @Test
    void theAdminChangesADepartment() throws Exception {
        Department created = asAdmin(() -> departments.create(UUID.randomUUID(),
                new DepartmentForm("Endres " + UUID.randomUUID(), null, null)));
        mvc.perform(post("/admin/departments/" + created.id()).with(user(admin())).with(csrf())
                        .param("name", created.name() + " (ny)").param("municipality", "Larvik"))
                .andExpect(redirectedUrl("/admin/departments"));
        mvc.perform(get("/admin/departments/" + created.id()).with(user(admin())))
                .andExpect(content().string(containsString("value=\"Larvik\"")));
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() throws Exception {
        var result = mvc.perform(get("/admin/departments").param("lang", "en").with(user(admin())))
                .andExpect(content().string(containsString("Create department")))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andReturn();
        Cookie chosen = result.getResponse().getCookie("tilfrisk-lang");
        mvc.perform(get("/").with(user(admin())).cookie(chosen))
                .andExpect(content().string(containsString("Hello, Ada Admin")));
        mvc.perform(get("/").with(user(admin())))
                .andExpect(content().string(containsString("Hei, Ada Admin")))
                .andExpect(content().string(containsString("lang=\"nb\"")));
    }

    @Test
    void errorPagesAreFriendlyAndInTheUsersLanguage() throws Exception {
        mvc.perform(get("/admin/departments/" + UUID.randomUUID()).with(user(admin())).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        // MockMvc does not forward to the error page; the container does. Render it directly.
        mvc.perform(get("/error").with(user(admin())).accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 404))
                .andExpect(content().string(containsString("Fant ikke siden")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/error").with(user(admin())).accept(MediaType.TEXT_HTML).cookie(english())
                        .requestAttr("jakarta.servlet.error.status_code", 403))
                .andExpect(content().string(containsString("No access")));
        mvc.perform(get("/error").with(user(admin())).accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 500)
                        .requestAttr("jakarta.servlet.error.exception", new IllegalStateException("secret detail")))
                .andExpect(content().string(containsString("Noe gikk galt")))
                .andExpect(content().string(not(containsString("secret detail"))));
    }

    private UserDetails admin() {
        return accounts.loadUserByUsername(Demo.ADMIN);
    }

    private static Cookie english() {
        return new Cookie("tilfrisk-lang", "en");
    }

    private <T> T asAdmin(Supplier<T> work) {
        var admin = admin();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(admin, null, admin.getAuthorities()));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

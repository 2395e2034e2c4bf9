package no.tilfrisk.account;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@TilfriskTest
class UserAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserDetailsService accounts;

    @Test
    void theAdminCreatesAUserWhoCanSignInWithTheTemporaryPassword() throws Exception {
        String email = "ny-" + UUID.randomUUID() + "@demo.tilfrisk.no";
        var created = (UserAccounts.TemporaryPassword) mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
                        .param("displayName", "Nina Ny").param("email", email).param("roles", "STAFF"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("temporaryPassword");
        assertThat(created.email()).isEqualTo(email);

        mvc.perform(signIn(email, created.password())).andExpect(authenticated().withRoles("STAFF"));
    }

    @Test
    void wrongInputIsShownFieldByFieldAndNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
                        .param("displayName", "").param("email", "ikke-epost"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv inn navnet til brukeren.")))
                .andExpect(content().string(containsString("Skriv inn en gyldig e-postadresse")))
                .andExpect(content().string(containsString("Velg minst én rolle.")));
        mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
                        .param("displayName", "Dobbel").param("email", Demo.STAFF.toUpperCase()).param("roles", "STAFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("finnes allerede en bruker")));
        mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
                        .param("displayName", "Tuklet").param("email", "tuklet@demo.tilfrisk.no")
                        .param("roles", "SUPERUSER").param("departmentIds", "not-a-uuid"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Verdien har feil format.")));
        mvc.perform(signIn("tuklet@demo.tilfrisk.no", "x")).andExpect(unauthenticated());
    }

    @Test
    void aDeactivatedUserCannotSignInAndResetPasswordReplacesTheOldOne() throws Exception {
        var account = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        mvc.perform(post("/admin/users/" + account.id() + "/active").with(user(admin())).with(csrf()).param("active", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(signIn(account.email(), account.password())).andExpect(unauthenticated());

        mvc.perform(post("/admin/users/" + account.id() + "/active").with(user(admin())).with(csrf()).param("active", "true"));
        var reset = (UserAccounts.TemporaryPassword) mvc.perform(post("/admin/users/" + account.id() + "/password")
                        .with(user(admin())).with(csrf()))
                .andReturn().getFlashMap().get("temporaryPassword");
        mvc.perform(signIn(account.email(), account.password())).andExpect(unauthenticated());
        mvc.perform(signIn(account.email(), reset.password())).andExpect(authenticated());
    }

    @Test
    void onlyTheAdminReachesTheAdminPages() throws Exception {
        for (String email : new String[] {Demo.STAFF, "koordinator@demo.tilfrisk.no", "styret@demo.tilfrisk.no"}) {
            UserDetails someone = accounts.loadUserByUsername(email);
            mvc.perform(get("/admin/users").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/departments").with(user(someone))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/departments").with(user(someone)).with(csrf()).param("formId", UUID.randomUUID().toString())
                    .param("name", "Ulovlig")).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/users").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ansatt@demo.tilfrisk.no")))
                .andExpect(content().string(Matchers.not(containsString("admin@annen.tilfrisk.no"))));
    }

    @Test
    void theAdminCannotLockThemselvesOut() throws Exception {
        var admin = (TilfriskUser) admin();
        mvc.perform(post("/admin/users/" + admin.userId() + "/active").with(user(admin)).with(csrf()).param("active", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(signIn(Demo.ADMIN, Demo.PASSWORD)).andExpect(authenticated());
    }

    private UserDetails admin() {
        return accounts.loadUserByUsername(Demo.ADMIN);
    }

    private static MockHttpServletRequestBuilder signIn(String email, String password) {
        String address = TestAccounts.freshAddress();
        return post("/login").param("email", email).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}

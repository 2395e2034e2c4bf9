package no.tilfrisk.organisation;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@TilfriskTest
class SettingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Organisations organisations;

    @Test
    void theAdminChangesTheOrganisationsSettingsWithinLimits() throws Exception {
        var admin = accounts.loadUserByUsername(Demo.ADMIN);
        mvc.perform(get("/admin/settings").with(user(admin)))
                .andExpect(content().string(containsString("Krev totrinnsinnlogging")));
        mvc.perform(post("/admin/settings").with(user(admin)).with(csrf()).param("retentionMonths", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("mellom 1 og 240")));
        mvc.perform(post("/admin/settings").with(user(admin)).with(csrf()).param("retentionMonths", "mange"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv et helt tall.")));
        try {
            mvc.perform(post("/admin/settings").with(user(admin)).with(csrf()).param("retentionMonths", "36")
                            .param("_requireSecondFactor", "on").param("_nationalIdEnabled", "on"))
                    .andExpect(status().is3xxRedirection());
            var saved = People.asSystem(DEMO_RECOVERY, organisations::settings);
            assertThat(saved.retentionMonths()).isEqualTo(36);
            assertThat(saved.isRequireSecondFactor()).isFalse();
            assertThat(saved.nationalIdEnabled()).isFalse();
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                organisations.changeSettings(new OrganisationSettings(false, 24, false));
                return null;
            });
        }
        mvc.perform(post("/admin/settings").with(user(accounts.loadUserByUsername(Demo.STAFF))).with(csrf())
                .param("retentionMonths", "1")).andExpect(status().isForbidden());
    }
}

package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * «Logg kontakt» at the top of the contact list: it finds only persons the caller may see, and leads to their
 * contact form.
 */
@TilfriskTest
class LogContactSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;

    @Test
    void theContactListLeadsToAPersonsContactFormThroughASearch() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID mine = people.register(DEMO_RECOVERY, "Skien", "Logg" + tag + " Her");
        people.register(DEMO_RECOVERY, "Stavanger", "Logg" + tag + " Der");

        Document list = page(get("/contacts"));
        assertThat(list.select("main a.button").eachText()).startsWith("Logg kontakt");
        assertThat(list.select("main a.button").first().attr("href")).isEqualTo("/contacts/new");

        assertThat(page(get("/contacts/new")).select("ul.link-list li")).isEmpty();
        Document found = page(get("/contacts/new").param("q", "Logg" + tag));
        assertThat(found.select("ul.link-list a").eachText()).containsExactly("Logg" + tag + " Her");
        assertThat(found.select("ul.link-list a").attr("href")).isEqualTo("/persons/" + mine + "/contacts#log-contact");
        assertThat(page(get("/contacts/new").param("q", "finnes-ikke-" + tag)).select("main").text())
                .contains("Ingen personer du har tilgang til passer til søket.");

        mvc.perform(get("/contacts/new").param("person", mine.toString()).with(user(staff())))
                .andExpect(redirectedUrl("/persons/" + mine + "/contacts#log-contact"));
        mvc.perform(get("/contacts/new").with(user(accounts.loadUserByUsername("frivillig@demo.tilfrisk.no"))))
                .andExpect(status().isForbidden());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(staff()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private UserDetails staff() {
        return accounts.loadUserByUsername(Demo.STAFF);
    }
}

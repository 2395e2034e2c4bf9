package no.tilfrisk.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Min side in plain language (issue 15, item 10): the participant's chart names its cut-offs in plain words while
 * staff keep the instrument's clinical wording, and a form that is due is a button straight to it.
 */
@TilfriskTest
class MinSidePlainLanguageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theParticipantReadsTheCutOffsInPlainWordsAndStaffInClinicalOnes() throws Exception {
        TilfriskUser dag = (TilfriskUser) accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        mvc.perform(get("/min-side/maalinger").with(user(dag))).andExpect(status().isOk())
                .andExpect(content().string(containsString("28 eller lavere: det kan hjelpe å snakke med noen om hvordan du har det")))
                .andExpect(content().string(not(containsString("bør utredes"))));
        mvc.perform(get("/min-side/maalinger").with(user(dag)).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("28 or below: it may help to talk to someone about how you feel")))
                .andExpect(content().string(not(containsString("should be assessed"))));
        UUID person = People.asSystem(Demo.DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT person_id FROM app_user WHERE id = ?").param(dag.userId()).query(UUID.class).single()));
        mvc.perform(get("/persons/" + person + "/outcomes").with(user(accounts.loadUserByUsername(Demo.STAFF))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("28 eller lavere: sannsynlig depresjon, bør utredes")))
                .andExpect(content().string(not(containsString("det kan hjelpe å snakke med noen"))));
    }
}

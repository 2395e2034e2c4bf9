package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every action that ends, removes or withdraws something asks first (issue 15, item 7): the first post answers a
 * page that asks and changes nothing; the post it sends, with {@code confirmed=true}, does the change. A caller
 * without the right is refused at the question already. Archiving has an undo.
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class})
class ConfirmationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    Activities activities;
    @Autowired
    Distributions distributions;
    @Autowired
    CollaborationRegister register;

    @Test
    void withdrawingAConsentAsksFirst() throws Exception {
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", "Bekreft Samtykke");
        UUID consent = People.asSystem(Demo.DEMO_RECOVERY, () -> people.consent(person));
        String path = "/persons/" + person + "/consents/" + consent + "/withdraw";
        BooleanSupplier done = () -> details(person).consents().stream()
                .noneMatch(c -> c.id().equals(consent) && c.active());
        asksThenDoes(path, "method=VERBAL", done, "Vil du trekke tilbake samtykket til Bruk i statistikk for Bekreft Samtykke?");
    }

    @Test
    void endingARoleAndAMembershipAskFirst() throws Exception {
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", "Bekreft Rolle");
        PersonDetails before = details(person);
        UUID role = before.roles().get(0).id();
        UUID membership = before.memberships().get(0).id();
        LocalDate today = LocalDate.now(Dates.OSLO);
        asksThenDoes("/persons/" + person + "/roles/" + role + "/end", "",
                () -> details(person).roles().stream().noneMatch(r -> r.current(today.plusDays(1))),
                "Vil du avslutte rollen Deltaker for Bekreft Rolle?");
        asksThenDoes("/persons/" + person + "/memberships/" + membership + "/end", "",
                () -> details(person).memberships().stream().noneMatch(m -> m.current(today.plusDays(1))),
                "Vil du avslutte medlemskapet til Bekreft Rolle i Skien?");
    }

    @Test
    void removingARelativeAsksFirst() throws Exception {
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", "Bekreft Pårørende");
        UUID relative = people.register(Demo.DEMO_RECOVERY, "Skien", "Bekreft Mor");
        mvc.perform(post("/persons/" + person + "/relatives").with(user(admin())).with(csrf())
                        .param("relativeId", relative.toString()).param("relation", "mor"))
                .andExpect(status().is3xxRedirection());
        UUID link = details(person).relatives().get(0).linkId();
        asksThenDoes("/persons/" + person + "/relatives/" + link + "/remove", "",
                () -> details(person).relatives().isEmpty(), "Vil du fjerne Bekreft Mor som pårørende til Bekreft Pårørende?");
    }

    @Test
    void archivingAnActivityAsksFirstAndCanBeUndone() throws Exception {
        UUID activity = fixtures.activity(Demo.DEMO_RECOVERY, "Skien", "Bekreft arkiv", false,
                LocalDate.of(2025, 1, 1), null, List.of()).id();
        BooleanSupplier archived = () -> People.asSystem(Demo.DEMO_RECOVERY, () -> activities.get(activity).archived());
        asksThenDoes("/activities/" + activity + "/archive", "", archived, "Vil du arkivere aktiviteten «Bekreft arkiv»?");
        mvc.perform(post("/activities/" + activity + "/unarchive").with(user(admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(archived.getAsBoolean()).as("undone").isFalse();
    }

    @Test
    void removingADistributionAsksFirst() throws Exception {
        UUID id = UUID.randomUUID();
        UUID department = People.asSystem(Demo.DEMO_RECOVERY, () -> people.department("Skien").id());
        mvc.perform(post("/distributions").with(user(admin())).with(csrf()).param("formId", id.toString())
                        .param("date", "2026-03-02").param("departmentId", department.toString())
                        .param("kind", "OTHER").param("count", "3"))
                .andExpect(status().is3xxRedirection());
        asksThenDoes("/distributions/" + id + "/remove", "", () -> gone(() -> distributions.toRemove(id)),
                "(3 stk.) 02.03.2026?");
    }

    @Test
    void deletingACollaborationRecordAsksFirst() throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(post("/collaboration").with(user(admin())).with(csrf()).param("formId", id.toString())
                        .param("kind", "SEMINAR").param("title", "Bekreft seminar").param("startsOn", "2026-03-02")
                        .param("participants", "3"))
                .andExpect(status().is3xxRedirection());
        asksThenDoes("/collaboration/" + id + "/delete", "", () -> gone(() -> register.get(id)),
                "Vil du slette «Bekreft seminar» fra samarbeidsregisteret?");
    }

    @Test
    void theQuestionIsRefusedToThoseWhoMayNotDoIt() throws Exception {
        UUID activity = fixtures.activity(Demo.DEMO_RECOVERY, "Skien", "Bekreft nekt", false,
                LocalDate.of(2025, 1, 1), null, List.of()).id();
        mvc.perform(post("/activities/" + activity + "/archive").with(user(accounts.loadUserByUsername(Demo.OTHER_ADMIN)))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/activities/" + activity + "/archive")
                .with(user(accounts.loadUserByUsername("frivillig@demo.tilfrisk.no"))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    /**
     * The first post asks (the page names what goes and posts it again, confirmed) and changes nothing; the
     * confirmed one changes it.
     */
    private void asksThenDoes(String path, String body, BooleanSupplier done, String question) throws Exception {
        var ask = post(path).with(user(admin())).with(csrf());
        var confirm = post(path).with(user(admin())).with(csrf()).param("confirmed", "true");
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                ask.param(pair.split("=")[0], pair.split("=")[1]);
                confirm.param(pair.split("=")[0], pair.split("=")[1]);
            }
        }
        mvc.perform(ask).andExpect(status().isOk())
                .andExpect(content().string(containsString(question)))
                .andExpect(content().string(containsString("action=\"" + path + "\"")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(done.getAsBoolean()).as("changed before it was confirmed: " + path).isFalse();
        mvc.perform(confirm).andExpect(status().is3xxRedirection());
        assertThat(done.getAsBoolean()).as("not changed when confirmed: " + path).isTrue();
    }

    private boolean gone(Runnable read) {
        try {
            People.asSystem(Demo.DEMO_RECOVERY, () -> {
                read.run();
                return null;
            });
            return false;
        } catch (NotFoundException expected) {
            return true;
        }
    }

    private PersonDetails details(UUID person) {
        return People.asSystem(Demo.DEMO_RECOVERY, () -> people.details(person));
    }

    private UserDetails admin() {
        return accounts.loadUserByUsername(Demo.ADMIN);
    }
}

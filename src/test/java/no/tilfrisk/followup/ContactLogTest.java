package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class ContactLogTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PersonSpans spans;
    @Autowired
    Consents consents;
    @Autowired
    DataSubjectRights rights;
    @Autowired
    Plans plans;

    @Test
    void staffLogATalkWithAFollowUpAndADoubleSubmitLogsOne() throws Exception {
        String name = "Oppfølging " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        String formId = UUID.randomUUID().toString();
        LocalDate followUp = today().plusDays(3);
        for (int i = 0; i < 2; i++) {
            mvc.perform(logContact(person, formId).param("type", "ONE_TO_ONE").param("durationMinutes", "45")
                            .param("note", "Snakket om bolig").param("followUpOn", followUp.toString()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", "/persons/" + person + "/contacts"));
        }
        assertThat(contactsOf(person)).isEqualTo(1);
        UUID contact = UUID.fromString(formId);

        mvc.perform(get("/persons/" + person + "/contacts").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1-1-samtale")))
                .andExpect(content().string(containsString("Anders Ansatt")))
                .andExpect(content().string(not(containsString("Snakket om bolig"))));
        // the edit form shows what was logged, dates as the date field reads them
        mvc.perform(get("/contacts/" + contact + "/edit").with(user(staff())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + today() + "\"")))
                .andExpect(content().string(containsString("value=\"10:30\"")))
                .andExpect(content().string(containsString("value=\"" + followUp + "\"")))
                .andExpect(content().string(containsString("Snakket om bolig")));
        mvc.perform(get("/").with(user(staff())))
                .andExpect(content().string(containsString("Mine oppgaver")))
                .andExpect(content().string(containsString("Følg opp " + name)))
                .andExpect(content().string(containsString("/contacts/" + contact)));
        // the coordinator did not take part: not on their list
        mvc.perform(get("/").with(user(accounts.loadUserByUsername("koordinator@demo.tilfrisk.no"))))
                .andExpect(content().string(not(containsString("Følg opp " + name))));

        mvc.perform(post("/contacts/" + contact + "/follow-up-done").with(user(staff())).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/"));
        mvc.perform(get("/").with(user(staff()))).andExpect(content().string(not(containsString("Følg opp " + name))));
    }

    @Test
    void theTaskListIsSoonestFirstAndMarksWhatIsOverdue() throws Exception {
        String late = "Forsinket " + UUID.randomUUID().toString().substring(0, 6);
        String soon = "Snart " + UUID.randomUUID().toString().substring(0, 6);
        UUID latePerson = people.register(DEMO_RECOVERY, "Skien", late);
        UUID soonPerson = people.register(DEMO_RECOVERY, "Skien", soon);
        UUID lateContact = UUID.randomUUID();
        mvc.perform(logContact(soonPerson, UUID.randomUUID().toString()).param("type", "PHONE")
                .param("followUpOn", today().toString())).andExpect(status().is3xxRedirection());
        mvc.perform(logContact(latePerson, lateContact.toString()).param("type", "PHONE")
                .param("followUpOn", today().plusDays(1).toString())).andExpect(status().is3xxRedirection());
        // the date has passed since: as if logged a week ago
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql(
                "UPDATE contact SET follow_up_on = ? WHERE id = ?").params(today().minusDays(2), lateContact).update()));

        String page = mvc.perform(get("/").with(user(staff()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String lateItem = page.substring(page.lastIndexOf("<li", page.indexOf("Følg opp " + late)), page.indexOf("Følg opp " + late));
        String soonItem = page.substring(page.lastIndexOf("<li", page.indexOf("Følg opp " + soon)), page.indexOf("Følg opp " + soon));
        assertThat(page.indexOf("Følg opp " + late)).isLessThan(page.indexOf("Følg opp " + soon));
        // grouped: the late one under «Forfalt», the one due today under «Denne uka»
        assertThat(page.indexOf(">Forfalt (")).isBetween(0, page.indexOf("Følg opp " + late));
        assertThat(page.indexOf(">Denne uka (")).isBetween(page.indexOf("Følg opp " + late), page.indexOf("Følg opp " + soon));
        assertThat(lateItem).contains("overdue");
        assertThat(soonItem).doesNotContain("overdue");
    }

    @Test
    void utfortCanBeUndoneForAMinuteByTheOneWhoMarkedItAndNotAfter() throws Exception {
        String name = "Angre " + UUID.randomUUID().toString().substring(0, 6);
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        UUID contact = UUID.randomUUID();
        mvc.perform(logContact(person, contact.toString()).param("type", "PHONE")
                .param("followUpOn", today().toString())).andExpect(status().is3xxRedirection());

        // «Utført» from the start page: back to it with «Angre»
        var done = mvc.perform(post("/contacts/" + contact + "/follow-up-done").with(user(staff())).with(csrf())
                        .param("from", "start"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/")).andReturn();
        String undoHref = "/contacts/" + contact + "/follow-up-undo";
        assertThat(done.getFlashMap().get("undoHref")).isEqualTo(undoHref);
        // in a browser's session the start page then offers it
        var browser = new SignInSession(mvc);
        browser.signIn(Demo.STAFF, Demo.PASSWORD).andExpect(status().is3xxRedirection());
        mvc.perform(logContact(person, UUID.randomUUID().toString()).param("type", "PHONE")
                .param("followUpOn", today().toString())).andExpect(status().is3xxRedirection());
        UUID second = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT id FROM contact WHERE person_id = ? AND follow_up_done_at IS NULL").param(person)
                .query(UUID.class).single()));
        browser.post("/contacts/" + second + "/follow-up-done", "from", "start").andExpect(status().is3xxRedirection());
        browser.get("/").andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/contacts/" + second + "/follow-up-undo\"")))
                .andExpect(content().string(containsString(">Angre<")))
                .andExpect(content().string(not(containsString("Følg opp " + name))));

        // someone else may not take it back
        mvc.perform(post(undoHref).with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection());
        assertThat(followUpDone(contact)).isTrue();
        // the one who marked it may, within the minute: the task is back
        mvc.perform(post(undoHref).with(user(staff())).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/"));
        assertThat(followUpDone(contact)).isFalse();
        mvc.perform(get("/").with(user(staff()))).andExpect(content().string(containsString("Følg opp " + name)));
        assertThat(rowsFor(person)).extracting(AuditRow::what).contains("followup.contact.follow-up:undone");

        // marked again, and 61 seconds pass: «Angre» is refused with a message, and it stays done
        mvc.perform(post("/contacts/" + contact + "/follow-up-done").with(user(staff())).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection());
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql(
                        "UPDATE contact SET follow_up_done_at = follow_up_done_at - interval '61 seconds' WHERE id = ?")
                .param(contact).update()));
        var late = mvc.perform(post(undoHref).with(user(staff())).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(late.getFlashMap().get("actionError")).isEqualTo("start.tasks.undoTooLate");
        assertThat(followUpDone(contact)).isTrue();
        // at 59 seconds it still could be
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql(
                        "UPDATE contact SET follow_up_done_at = now() - interval '59 seconds' WHERE id = ?")
                .param(contact).update()));
        mvc.perform(post(undoHref).with(user(staff())).with(csrf()).param("from", "start"))
                .andExpect(status().is3xxRedirection());
        assertThat(followUpDone(contact)).isFalse();
    }

    private boolean followUpDone(UUID contact) {
        return count("SELECT count(*) FROM contact WHERE id = ? AND follow_up_done_at IS NOT NULL", contact) == 1;
    }

    @Test
    void theStartPageSavesWhatEveryModuleWroteInTheAuditTrailInOneCommit() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Én commit " + UUID.randomUUID().toString().substring(0, 6));
        mvc.perform(logContact(person, UUID.randomUUID().toString()).param("type", "PHONE")
                .param("followUpOn", today().plusDays(1).toString())).andExpect(status().is3xxRedirection());
        // and a plan action of theirs due tomorrow: a task from a second module
        GoalForm goal = new GoalForm();
        goal.setLifeArea(LifeArea.HOUSING);
        goal.setText("Bolig");
        ActionForm action = new ActionForm();
        action.setText("Ringe boligkontoret");
        action.setResponsible(Responsible.STAFF);
        action.setResponsibleUserId(staff().userId());
        action.setTargetDate(today().plusDays(1));
        People.asSystem(DEMO_RECOVERY, () -> plans.addAction(UUID.randomUUID(), person,
                plans.addGoal(UUID.randomUUID(), person, goal), action));
        String request = "start-" + UUID.randomUUID();
        mvc.perform(get("/").with(user(staff())).header("X-Request-Id", request)).andExpect(status().isOk());

        record Written(String what, String transaction) {
        }
        List<Written> written = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT what, xmin::text AS transaction FROM audit_event WHERE request_id = ?")
                .param(request).query(Written.class).list()));
        // the follow-ups and the plan's actions due at least, from two modules; one transaction wrote them all
        assertThat(written).extracting(Written::what).contains("followup.tasks", "plan.tasks");
        assertThat(written).extracting(Written::transaction).containsOnly(written.get(0).transaction());
    }

    @Test
    void theNoteIsEncryptedAtRestAndShownOnlyToStaffWithAccessToThePerson() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Notat " + UUID.randomUUID());
        UUID contact = UUID.randomUUID();
        String note = "Hemmelig notat " + UUID.randomUUID();
        mvc.perform(logContact(person, contact.toString()).param("type", "HOME_VISIT").param("note", note))
                .andExpect(status().is3xxRedirection());
        byte[] stored = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT note_encrypted FROM contact WHERE id = ?").param(contact).query(byte[].class).single()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Hemmelig");
        mvc.perform(get("/contacts/" + contact).with(user(staff())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(note)));
        mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", bearer("demo-koordinator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.note").value(note));

        // the person moves to Stavanger: the staff member in Skien no longer sees the person, nor the contact
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql(
                "UPDATE person_department SET from_date = ?, to_date = ? WHERE person_id = ?")
                .params(today().minusDays(30), today().minusDays(1), person).update()));
        People.asSystem(DEMO_RECOVERY, () -> {
            spans.addMembership(person, people.department("Stavanger").id(), today());
            return null;
        });
        mvc.perform(get("/contacts/" + contact).with(user(staff()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(note))));
        mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.note").value(note));
        mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", bearer("demo-frivillig")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", bearer("demo-annen")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRelativeIsAddedOnlyWhileTheParticipantConsentsToInvolvingThem() throws Exception {
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Deltaker " + UUID.randomUUID());
        UUID mother = people.register(DEMO_RECOVERY, "Skien", "Mor " + UUID.randomUUID());
        UUID neighbour = people.register(DEMO_RECOVERY, "Skien", "Nabo " + UUID.randomUUID());
        People.asSystem(DEMO_RECOVERY, () -> {
            spans.linkRelative(participant, mother, "mor");
            return null;
        });
        // linked, but no consent yet
        mvc.perform(logContact(participant, UUID.randomUUID().toString()).param("type", "FAMILY")
                        .param("relativeIds", mother.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deltakeren har ikke samtykket til å involvere denne pårørende.")));
        assertThat(contactsOf(participant)).isZero();

        UUID consent = People.asSystem(DEMO_RECOVERY, () -> consents.give(participant,
                new ConsentForm(ConsentPurpose.INVOLVE_RELATIVE, ConsentMethod.SIGNED, mother, null)).id());
        UUID withMother = UUID.randomUUID();
        mvc.perform(logContact(participant, withMother.toString()).param("type", "FAMILY")
                .param("relativeIds", mother.toString())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/contacts/" + withMother).with(user(staff())))
                .andExpect(content().string(containsString("Mor ")));
        // someone not linked to the participant never, consent or not
        mvc.perform(logContact(participant, UUID.randomUUID().toString()).param("type", "FAMILY")
                        .param("relativeIds", neighbour.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bare pårørende som er knyttet til deltakeren, kan være med.")));

        People.asSystem(DEMO_RECOVERY, () -> {
            consents.withdraw(participant, consent, ConsentMethod.VERBAL);
            return null;
        });
        mvc.perform(logContact(participant, UUID.randomUUID().toString()).param("type", "FAMILY")
                        .param("relativeIds", mother.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deltakeren har ikke samtykket til å involvere denne pårørende.")));
        mvc.perform(post("/api/v1/contacts").header("Authorization", bearer("demo-ansatt")).header("Accept-Language", "en")
                        .contentType("application/json").content(json(participant, "FAMILY", today(), null,
                                "\"relativeIds\": [\"" + mother + "\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relativeIds"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "The participant has not consented to involving this relative. Record the consent first."));
        assertThat(contactsOf(participant)).isEqualTo(1);
        // the contact logged while the consent was given keeps her: she was there then
        mvc.perform(put("/api/v1/contacts/" + withMother).header("Authorization", bearer("demo-ansatt"))
                        .contentType("application/json").content(json(participant, "FAMILY", today(), null,
                                "\"relativeIds\": [\"" + mother + "\"], \"durationMinutes\": 50")))
                .andExpect(status().isNoContent());
        // the form no longer offers her for a new contact
        mvc.perform(get("/persons/" + participant + "/contacts").with(user(staff())))
                .andExpect(content().string(containsString("(mangler samtykke til å involvere)")));
    }

    @Test
    void eachReadAndWriteOfAContactIsOneRowInTheAuditTrail() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Revidert " + UUID.randomUUID());
        TilfriskUser staff = staff();
        UUID contact = UUID.randomUUID();
        mvc.perform(logContact(person, contact.toString()).param("type", "PHONE").param("note", "Ringte")
                .param("followUpOn", today().plusDays(2).toString())).andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).containsExactly(new AuditRow(staff.userId(), "CREATE", "followup.contact+note"));

        mvc.perform(get("/contacts/" + contact).with(user(staff))).andExpect(status().isOk());
        assertThat(rowsFor(person)).hasSize(2).last().isEqualTo(new AuditRow(staff.userId(), "READ", "followup.contact+note"));

        mvc.perform(get("/persons/" + person + "/contacts").with(user(staff))).andExpect(status().isOk());
        assertThat(rowsFor(person)).hasSize(3).last().isEqualTo(new AuditRow(staff.userId(), "READ", "followup.contact.list"));

        mvc.perform(get("/api/v1/contacts?person=" + person).header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        assertThat(rowsFor(person)).hasSize(4).last().isEqualTo(new AuditRow(staff.userId(), "LIST", "followup.contact.list"));

        mvc.perform(get("/").with(user(staff))).andExpect(status().isOk());
        assertThat(rowsFor(person)).hasSize(5).last().isEqualTo(new AuditRow(staff.userId(), "LIST", "followup.tasks"));
        // the contact list page: a row for each person shown
        mvc.perform(get("/contacts").with(user(staff)).param("person", person.toString())).andExpect(status().isOk());
        assertThat(rowsFor(person)).hasSize(6).last().isEqualTo(new AuditRow(staff.userId(), "LIST", "followup.contact.list"));

        mvc.perform(post("/contacts/" + contact).with(user(staff)).with(csrf()).param("date", today().toString())
                .param("time", "10:00").param("type", "PHONE").param("note", "Ringte igjen")
                .param("followUpOn", today().plusDays(2).toString())).andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(7).last().isEqualTo(new AuditRow(staff.userId(), "UPDATE", "followup.contact+note"));

        mvc.perform(post("/contacts/" + contact + "/follow-up-done").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(8).last().isEqualTo(new AuditRow(staff.userId(), "UPDATE", "followup.contact.follow-up"));

        mvc.perform(post("/contacts/" + contact + "/void").with(user(staff)).with(csrf()).param("reason", "Feil person"))
                .andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(9).last().isEqualTo(new AuditRow(staff.userId(), "UPDATE", "followup.contact.void"));
        // a second void changes nothing and writes nothing
        mvc.perform(post("/contacts/" + contact + "/void").with(user(staff)).with(csrf()).param("reason", "Feil person"))
                .andExpect(status().is3xxRedirection());
        assertThat(rowsFor(person)).hasSize(9);
    }

    @Test
    void badInputOnThePageGetsAMessageNextToEachFieldAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Feil " + UUID.randomUUID());
        mvc.perform(post("/persons/" + person + "/contacts").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("date", today().plusDays(3).toString())
                        .param("time", "10:00").param("type", "ESCORT").param("followUpOn", today().minusDays(1).toString())
                        .param("staffIds", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skjemaet har feil")))
                .andExpect(content().string(containsString("Tidspunktet kan ikke være mer enn et døgn fram i tid.")))
                .andExpect(content().string(containsString("Velg hvor du fulgte deltakeren.")))
                .andExpect(content().string(containsString("Datoen for neste oppfølging kan ikke være passert.")))
                .andExpect(content().string(containsString("Velg ansatte fra listen over aktive ansatte i organisasjonen.")));
        for (String duration : List.of("-5", "0", "100000")) {
            mvc.perform(logContact(person, UUID.randomUUID().toString()).param("type", "PHONE").param("durationMinutes", duration))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Varigheten må være mellom 1 og 720 minutter.")));
        }
        mvc.perform(post("/persons/" + person + "/contacts").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("date", "i går").param("time", "25:99")
                        .param("type", "SOMETHING").param("durationMinutes", "lenge").param("staffIds", "ikke-en-id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv datoen som dd.mm.åååå.")))
                .andExpect(content().string(containsString("Skriv klokkeslettet som tt:mm")))
                .andExpect(content().string(containsString("id=\"type-error\"")))
                .andExpect(content().string(containsString("id=\"durationMinutes-error\"")))
                .andExpect(content().string(containsString("id=\"staffIds-error\"")));
        mvc.perform(post("/persons/" + person + "/contacts").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("date", "1999-12-31").param("time", "10:00")
                        .param("type", "PHONE").param("followUpOn", today().plusYears(3).toString()))
                .andExpect(content().string(containsString("Datoen må være 01.01.2000 eller senere.")))
                .andExpect(content().string(containsString("Datoen for neste oppfølging kan være høyst to år fram i tid.")));
        mvc.perform(post("/persons/" + person + "/contacts").with(user(staff())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("note", "x".repeat(2001)))
                .andExpect(content().string(containsString("Skriv inn datoen.")))
                .andExpect(content().string(containsString("Velg type kontakt.")))
                .andExpect(content().string(containsString("Notatet kan ha høyst 2000 tegn.")));
        assertThat(contactsOf(person)).isZero();
        // a contact of up to a day ahead is fine: planned for later today, or logged across midnight
        mvc.perform(logContact(person, UUID.randomUUID().toString()).param("type", "PHONE")
                .param("date", today().plusDays(1).toString()).param("time", "00:00")).andExpect(status().is3xxRedirection());
        assertThat(contactsOf(person)).isEqualTo(1);
    }

    @Test
    void badInputThroughTheApiGetsFieldErrorsInTheCallersLanguageAndSavesNothing() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Api-feil " + UUID.randomUUID());
        UUID stavanger = people.register(DEMO_RECOVERY, "Stavanger", "Annen avdeling " + UUID.randomUUID());
        UUID elsewhere = people.register(OTHER_ORGANISATION, "Bergen", "Annen org " + UUID.randomUUID());
        mvc.perform(apiPost("/api/v1/contacts", json(person, "PHONE", today().plusDays(2), today().minusDays(1),
                        "\"durationMinutes\": -3")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'durationMinutes')].message")
                        .value("The duration must be between 1 and 720 minutes."));
        mvc.perform(apiPost("/api/v1/contacts", json(person, "PHONE", today().plusDays(2), today().minusDays(1), null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'date')].message")
                        .value("Tidspunktet kan ikke være mer enn et døgn fram i tid."))
                .andExpect(jsonPath("$.errors[?(@.field == 'followUpOn')].message")
                        .value("Datoen for neste oppfølging kan ikke være passert."));
        for (UUID notYours : List.of(stavanger, elsewhere, UUID.randomUUID())) {
            mvc.perform(apiPost("/api/v1/contacts", json(notYours, "PHONE", today(), null, null)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("personId"))
                    .andExpect(jsonPath("$.errors[0].message").value("Personen finnes ikke, eller du har ikke tilgang til personen."));
        }
        mvc.perform(apiPost("/api/v1/contacts", "{\"personId\": \"" + person + "\", \"type\": \"NOPE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(apiPost("/api/v1/contacts", "{\"personId\": \"" + person + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'type')].message").value("Velg type kontakt."));
        mvc.perform(get("/api/v1/contacts?from=2025-02-01&to=2025-01-01").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/contacts?person=" + stavanger).header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("person"));
        mvc.perform(get("/api/v1/contacts?from=igår").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/contacts/" + UUID.randomUUID()).header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/contacts/not-an-id").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/contacts/" + UUID.randomUUID() + "/void").header("Authorization", bearer("demo-ansatt"))
                .contentType("application/json").content("{\"reason\": \"x\"}")).andExpect(status().isNotFound());
        assertThat(contactsOf(person)).isZero();
        assertThat(contactsOf(stavanger)).isZero();
    }

    @Test
    void theApiLogsOnePerIdempotencyKeyChangesAndVoids() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Api " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(apiPost("/api/v1/contacts", json(person, "ESCORT", today(), today().plusDays(7),
                            "\"escortKind\": \"NAV\", \"note\": \"Til NAV\"")).header("Idempotency-Key", key))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/v1/contacts/" + key))
                    .andExpect(jsonPath("$.id").value(key));
        }
        assertThat(contactsOf(person)).isEqualTo(1);
        mvc.perform(get("/api/v1/contacts?person=" + person + "&type=ESCORT").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].escortKind").value("NAV"))
                .andExpect(jsonPath("$.items[0].staffNames[0]").value("Anders Ansatt"))
                .andExpect(jsonPath("$.items[0].note").doesNotExist());
        mvc.perform(get("/api/v1/contacts?person=" + person + "&type=PHONE").header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/contacts?person=" + person + "&from=" + today().plusDays(1)).header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/contacts?person=" + person + "&from=" + today() + "&to=" + today()).header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.total").value(1));
        // a note left out stays; the staff stay
        mvc.perform(put("/api/v1/contacts/" + key).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content(json(person, "ESCORT", today(), today().plusDays(7), "\"escortKind\": \"DOCTOR\"")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/contacts/" + key).header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.escortKind").value("DOCTOR"))
                .andExpect(jsonPath("$.note").value("Til NAV"))
                .andExpect(jsonPath("$.staff[0].name").value("Anders Ansatt"));
        mvc.perform(post("/api/v1/contacts/" + key + "/void").header("Authorization", bearer("demo-ansatt"))
                .contentType("application/json").content("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/contacts/" + key + "/void").header("Authorization", bearer("demo-ansatt"))
                .contentType("application/json").content("{\"reason\": \"Dobbeltført\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/contacts?person=" + person).header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/contacts/" + key).header("Authorization", bearer("demo-ansatt")))
                .andExpect(jsonPath("$.voidReason").value("Dobbeltført"));
        mvc.perform(put("/api/v1/contacts/" + key).header("Authorization", bearer("demo-ansatt")).contentType("application/json")
                        .content(json(person, "PHONE", today(), null, null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void contactsAppearOnThePersonsTimelineWithTypeAndDateButNeverTheNote() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Tidslinje " + UUID.randomUUID());
        UUID voided = UUID.randomUUID();
        mvc.perform(logContact(person, UUID.randomUUID().toString()).param("type", "ESCORT").param("escortKind", "DOCTOR")
                .param("note", "Tidslinjenotat")).andExpect(status().is3xxRedirection());
        mvc.perform(logContact(person, voided.toString()).param("type", "RESPONSIBILITY_GROUP")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/contacts/" + voided + "/void").with(user(staff())).with(csrf()).param("reason", "Feil"));
        mvc.perform(get("/persons/" + person).with(user(staff())))
                .andExpect(content().string(containsString("Kontakt: følge til lege")))
                .andExpect(content().string(not(containsString("ansvarsgruppemøte"))))
                .andExpect(content().string(not(containsString("Tidslinjenotat"))));
    }

    @Test
    void erasingThePersonRemovesTheNotesAndThemAsARelativePresentButKeepsTheCount() throws Exception {
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Slettes " + UUID.randomUUID());
        UUID brother = people.register(DEMO_RECOVERY, "Skien", "Bror " + UUID.randomUUID());
        People.asSystem(DEMO_RECOVERY, () -> {
            spans.linkRelative(participant, brother, "bror");
            consents.give(participant, new ConsentForm(ConsentPurpose.INVOLVE_RELATIVE, ConsentMethod.SIGNED, brother, null));
            return null;
        });
        UUID contact = UUID.randomUUID();
        mvc.perform(logContact(participant, contact.toString()).param("type", "FAMILY").param("note", "Familiesamtale")
                .param("relativeIds", brother.toString())).andExpect(status().is3xxRedirection());
        People.asSystem(DEMO_RECOVERY, () -> {
            rights.erase(brother, true);
            return null;
        });
        assertThat(count("SELECT count(*) FROM contact_relative WHERE contact_id = ?", contact)).isZero();
        People.asSystem(DEMO_RECOVERY, () -> {
            rights.erase(participant, true);
            return null;
        });
        assertThat(count("SELECT count(*) FROM contact WHERE id = ? AND note_encrypted IS NULL", contact)).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder logContact(UUID person, String formId) {
        return post("/persons/" + person + "/contacts").with(user(staff())).with(csrf()).param("formId", formId)
                .param("date", today().toString()).param("time", "10:30");
    }

    private MockHttpServletRequestBuilder apiPost(String path, String body) {
        return post(path).header("Authorization", bearer("demo-ansatt")).contentType("application/json").content(body);
    }

    static String json(UUID person, String type, LocalDate date, LocalDate followUp, String more) {
        return "{\"personId\": \"" + person + "\", \"type\": \"" + type + "\", \"date\": \"" + date
                + "\", \"time\": \"10:15\"" + (followUp == null ? "" : ", \"followUpOn\": \"" + followUp + "\"")
                + (more == null ? "" : ", " + more) + "}";
    }

    private TilfriskUser staff() {
        return (TilfriskUser) accounts.loadUserByUsername(Demo.STAFF);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }

    private int contactsOf(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT count(*) FROM contact WHERE person_id = ?")
                .param(person).query(Integer.class).single()));
    }

    private int count(String sql, UUID param) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(sql).param(param).query(Integer.class).single()));
    }

    record AuditRow(UUID actorId, String action, String what) {
    }

    private List<AuditRow> rowsFor(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT actor_id, action, what FROM audit_event
                         WHERE person_id = ? AND what LIKE 'followup.%' ORDER BY seq""")
                .param(person).query(AuditRow.class).list()));
    }
}

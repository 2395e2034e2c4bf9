package no.tilfrisk.portal;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.notification.Email;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.portal.internal.InvitationForm;
import no.tilfrisk.portal.internal.InvitationMail;
import no.tilfrisk.portal.internal.Invitations;
import no.tilfrisk.portal.internal.PasswordForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting a participant to «Min side»: who may be invited, the one-time link, the account it makes, and the
 * e-mail that carries it (through a real SMTP server).
 */
@TilfriskTest
class InvitationTest {

    @Autowired
    Invitations invitations;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    UserAccounts users;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theLinkMakesTheParticipantsOwnAccountOnceAndOnlyOnce() {
        UUID person = invitable("Ivar Invitert");
        String email = uniqueEmail();
        Invitations.Sent sent = asSystem(() -> invitations.invite(person, new InvitationForm(email), "https://t.example", Locale.ROOT));

        assertThat(sent.repeated()).isFalse();
        assertThat(sent.link()).as("demo mode shows the link").startsWith("https://t.example/invitation/");
        assertThat(sent.expiresAt()).isBetween(Instant.now().plusSeconds(71 * 3600), Instant.now().plusSeconds(73 * 3600));
        String token = sent.link().substring(sent.link().lastIndexOf('/') + 1);
        assertThat(invitations.find(token)).hasValueSatisfying(p -> {
            assertThat(p.displayName()).isEqualTo("Ivar Invitert");
            assertThat(p.email()).isEqualTo(email);
        });
        assertThat(countTokensStoredInClear(token)).as("only the hash is kept").isZero();

        assertThat(invitations.accept(token, password("en setning jeg husker", "en setning jeg husker"))).hasValue(email);

        var account = (TilfriskUser) accounts.loadUserByUsername(email);
        assertThat(account.roles()).containsExactly(Role.PARTICIPANT);
        assertThat(passwords.matches("en setning jeg husker", account.getPassword())).isTrue();
        assertThat(asSystem(() -> users.personOf(account.userId()))).hasValue(person);
        // used once: the link is gone, and a second try makes nothing
        assertThat(invitations.find(token)).isEmpty();
        assertThat(invitations.accept(token, password("en annen setning her", "en annen setning her"))).isEmpty();
        assertThat(asSystem(() -> users.accountOf(person))).hasValue(account.userId());
    }

    @Test
    void aSecondClickWithinAMinuteSendsNothingNewAndANewInvitationRevokesTheOld() {
        UUID person = invitable("Dobbel Klikk");
        String email = uniqueEmail();
        var first = asSystem(() -> invitations.invite(person, new InvitationForm(email), "", Locale.ROOT));
        var again = asSystem(() -> invitations.invite(person, new InvitationForm(email), "", Locale.ROOT));
        assertThat(again.repeated()).isTrue();
        assertThat(again.link()).isNull();
        assertThat(liveInvitations(person)).isEqualTo(1);

        var other = asSystem(() -> invitations.invite(person, new InvitationForm(uniqueEmail()), "", Locale.ROOT));
        assertThat(other.repeated()).isFalse();
        assertThat(liveInvitations(person)).isEqualTo(1);
        assertThat(invitations.find(tokenOf(first))).as("the first link is revoked").isEmpty();
        assertThat(invitations.find(tokenOf(other))).isPresent();
    }

    @Test
    void onlyACurrentParticipantWithConsentToEmailAndNoAccountCanBeInvited() {
        UUID withoutConsent = asSystem(() -> people.register(DEMO_RECOVERY, "Skien", "Uten Samtykke"));
        assertThatThrownBy(() -> asSystem(() -> invitations.invite(withoutConsent, new InvitationForm(uniqueEmail()), "", Locale.ROOT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invitation.noConsent"));

        UUID dag = asSystem(() -> users.personOf(userId("deltaker@demo.tilfrisk.no")).orElseThrow());
        assertThatThrownBy(() -> asSystem(() -> invitations.invite(dag, new InvitationForm(uniqueEmail()), "", Locale.ROOT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(InvalidInputException::code).contains("invitation.hasAccount"));

        UUID person = invitable("Opptatt Adresse");
        assertThatThrownBy(() -> asSystem(() -> invitations.invite(person, new InvitationForm("ansatt@demo.tilfrisk.no"), "", Locale.ROOT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invitation.email.taken"));
        assertThat(liveInvitations(person)).isZero();
    }

    @Test
    void staffCannotInviteSomeoneOutsideTheirDepartments() {
        UUID stavanger = asSystem(() -> people.register(DEMO_RECOVERY, "Stavanger", "Annen Avdeling"));
        var staff = (TilfriskUser) accounts.loadUserByUsername("ansatt@demo.tilfrisk.no");
        assertThatThrownBy(() -> as(staff, () -> invitations.invite(stavanger, new InvitationForm(uniqueEmail()), "", Locale.ROOT)))
                .isInstanceOf(NotFoundException.class);
        assertThat(liveInvitations(stavanger)).isZero();
    }

    @Test
    void aPasswordThatIsNotRepeatedTheSameMakesNoAccount() {
        UUID person = invitable("Feil Gjentatt");
        String email = uniqueEmail();
        var sent = asSystem(() -> invitations.invite(person, new InvitationForm(email), "", Locale.ROOT));
        assertThatThrownBy(() -> invitations.accept(tokenOf(sent), password("en setning jeg husker", "en setning jeg huske")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("repeat"));
        assertThat(asSystem(() -> users.accountOf(person))).isEmpty();
        assertThat(invitations.find(tokenOf(sent))).as("still live").isPresent();
        assertThat(invitations.find("not-a-token")).isEmpty();
    }

    @Test
    void theEmailCarriesTheLinkThroughARealSmtpServer() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            InvitationMail mail = new InvitationMail(new Email(sender, "ikke-svar@tilfrisk.no"), messages, false);
            assertThat(mail.mayShowLink()).isFalse();

            boolean sent = mail.send("ny@example.no", "https://t.example/invitation/abc", Instant.parse("2026-11-26T11:00:00Z"),
                    Locale.forLanguageTag("nb"));

            assertThat(sent).isTrue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Invitasjon til Min side i Tilfrisk");
            assertThat(GreenMailUtil.getBody(received[0])).contains("https://t.example/invitation/abc");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ny@example.no");
        } finally {
            smtp.stop();
        }
    }

    private UUID invitable(String name) {
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        asSystem(() -> consents.give(person, new ConsentForm(ConsentPurpose.CONTACT_EMAIL, ConsentMethod.VERBAL, null, null)));
        return person;
    }

    private static String uniqueEmail() {
        return "invitert-" + UUID.randomUUID().toString().substring(0, 8) + "@example.no";
    }

    private static PasswordForm password(String password, String repeat) {
        PasswordForm form = new PasswordForm();
        form.setPassword(password);
        form.setRepeat(repeat);
        return form;
    }

    /** The demo admin sends the invitations: a signed-in user, as the service needs. */
    private <T> T asSystem(Supplier<T> work) {
        return as((TilfriskUser) accounts.loadUserByUsername("admin@demo.tilfrisk.no"), work);
    }

    private static <T> T as(TilfriskUser user, Supplier<T> work) {
        return People.as(user, work);
    }

    private UUID userId(String email) {
        return ((TilfriskUser) accounts.loadUserByUsername(email)).userId();
    }

    private static String tokenOf(Invitations.Sent sent) {
        return sent.link().substring(sent.link().lastIndexOf('/') + 1);
    }

    private int liveInvitations(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM portal_invitation WHERE person_id = ? AND accepted_at IS NULL AND revoked_at IS NULL""")
                .param(person).query(Integer.class).single()));
    }

    private int countTokensStoredInClear(String token) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM portal_invitation WHERE token_hash = ? OR email = ?")
                .params(token, token).query(Integer.class).single()));
    }
}

package no.tilfrisk.account.internal;

import java.io.Serial;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who signed in at the provider, as a Tilfrisk account. The provider's subject finds the account it was linked to;
 * a subject not linked yet is linked on this first sign-in to the account an admin made in the provider's
 * organisation: by the national id ID-porten sends ({@code pid}) where the organisation has national ids on and the
 * account's person has that number, else by the same e-mail address (not marked unverified); to nothing else:
 * someone without such an account is refused ({@value #UNKNOWN}), and no account is ever made here. An account none
 * of whose roles the organisation lets sign in through the provider is refused ({@value #ROLE_REFUSED}). Whether the provider's
 * {@code acr} or {@code amr} is one of the organisation's values for the second factor is decided here too.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN = "tilfrisk_unknown_account";
    static final String ROLE_REFUSED = "tilfrisk_role_refused";

    /** The provider's user with the account it is; {@code secondFactor}: the provider's sign-in counts as it. */
    static final class Linked extends DefaultOidcUser {
        @Serial
        private static final long serialVersionUID = 1L;
        private final TilfriskUser account;
        private final boolean secondFactor;

        Linked(OidcUser user, TilfriskUser account, boolean secondFactor) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
            this.secondFactor = secondFactor;
        }

        TilfriskUser account() {
            return account;
        }

        boolean secondFactor() {
            return secondFactor;
        }
    }

    private final OidcUserService delegate = new OidcUserService();
    private final OidcClientRegistrations registrations;
    private final AccountLookup accounts;
    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final FieldEncryption crypto;

    OidcAccounts(OidcClientRegistrations registrations, AccountLookup accounts, JdbcClient db,
                 PlatformTransactionManager transactions, FieldEncryption crypto) {
        this.crypto = crypto;
        delegate.setOauth2UserService(OidcHttp.userInfoService());
        this.registrations = registrations;
        this.accounts = accounts;
        this.db = db;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        if (!(registrations.lookup(request.getClientRegistration().getRegistrationId())
                instanceof OidcClientRegistrations.Lookup.Found found)) {
            throw refused("provider_unavailable");
        }
        OidcClientRegistrations.Provider provider = found.provider();
        UUID organisation = provider.organisationId();
        String issuer = provider.issuer();
        String subject = user.getSubject();
        // a refusal inside the transaction rolls back the link it may have made: a refused role links nothing
        TilfriskUser account = Tenancy.runAs(organisation, () -> tx.execute(s -> {
            TilfriskUser linked = linkedAccount(organisation, issuer, subject, user).orElseThrow(() -> refused(UNKNOWN));
            if (linked.roles().stream().noneMatch(provider.signInRoles()::contains)) {
                throw refused(ROLE_REFUSED);
            }
            return linked;
        }));
        return new Linked(user, account, satisfiesSecondFactor(provider.secondFactorValues(),
                user.getIdToken().getClaimAsString("acr"), user.getIdToken().getClaimAsStringList("amr")));
    }

    static boolean satisfiesSecondFactor(List<String> values, String acr, List<String> amr) {
        return acr != null && values.contains(acr) || amr != null && amr.stream().anyMatch(values::contains);
    }

    private Optional<TilfriskUser> linkedAccount(UUID organisation, String issuer, String subject, OidcUser user) {
        Optional<String> linkedEmail = db.sql("""
                        SELECT u.email FROM oidc_link l JOIN app_user u ON u.id = l.user_id
                         WHERE l.organisation_id = ? AND l.issuer = ? AND l.subject = ?""")
                .params(organisation, issuer, subject).query(String.class).optional();
        if (linkedEmail.isPresent()) {
            return account(linkedEmail.get(), organisation);
        }
        Optional<TilfriskUser> account = byNationalId(organisation, user.getClaimAsString("pid"))
                .or(() -> byEmail(organisation, user));
        account.ifPresent(a -> db.sql("""
                        INSERT INTO oidc_link (organisation_id, issuer, subject, user_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(organisation, issuer, subject, a.userId()).update());
        // an account already linked to another subject of this provider is not taken over by a second one
        return account.filter(a -> db.sql("""
                        SELECT count(*) FROM oidc_link WHERE organisation_id = ? AND issuer = ? AND subject = ? AND user_id = ?""")
                .params(organisation, issuer, subject, a.userId()).query(Integer.class).single() == 1);
    }

    /**
     * ID-porten sends the national id ({@code pid}) and no e-mail: the account whose person has that national id,
     * only where the organisation has national ids on (the number is matched by its keyed fingerprint, as stored).
     */
    private Optional<TilfriskUser> byNationalId(UUID organisation, String pid) {
        if (pid == null || !pid.matches("\\d{11}")) {
            return Optional.empty();
        }
        List<String> emails = db.sql("""
                        SELECT u.email FROM app_user u
                          JOIN organisation o ON o.id = u.organisation_id AND o.national_id_enabled
                          JOIN person p ON p.id = u.person_id AND p.organisation_id = u.organisation_id
                         WHERE u.organisation_id = ? AND p.erased_at IS NULL AND p.national_id_mac = ANY (?)""")
                // under every enabled fingerprint key, while a rotation of that key is under way (README)
                .params(organisation, crypto.fingerprints(pid).toArray(String[]::new)).query(String.class).list();
        // two accounts for one person is not a link to guess between
        return emails.size() == 1 ? account(emails.get(0), organisation) : Optional.empty();
    }

    private Optional<TilfriskUser> byEmail(UUID organisation, OidcUser user) {
        String email = user.getEmail();
        if (email == null || email.isBlank() || Boolean.FALSE.equals(user.getEmailVerified())) {
            return Optional.empty();
        }
        return account(email, organisation);
    }

    private Optional<TilfriskUser> account(String email, UUID organisation) {
        try {
            return Optional.of(accounts.loadUserByUsername(email))
                    .filter(a -> a.organisationId().equals(organisation) && a.isEnabled());
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    private static OAuth2AuthenticationException refused(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }
}

package no.tilfrisk.account.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.Role;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations' OpenID Connect providers: the admin's settings (the secret encrypted, never shown again), and
 * the two lookups sign-in makes before any organisation is known (database functions of V71).
 */
@Service
public class OidcProviders {

    /** A button on the sign-in page. */
    public record Offered(UUID organisationId, String organisationName, String displayName) {
    }

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final OidcClientRegistrations registrations;

    OidcProviders(JdbcClient db, FieldEncryption crypto, OidcClientRegistrations registrations) {
        this.db = db;
        this.crypto = crypto;
        this.registrations = registrations;
    }

    /** The providers to offer on the sign-in page. */
    public List<Offered> offered() {
        return db.sql("SELECT * FROM oidc_providers_offered()").query(Offered.class).list();
    }

    /** The caller's organisation's settings, the secret left out; empty with the defaults if none is set. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public OidcProviderForm settings() {
        return db.sql("""
                        SELECT issuer, client_id, display_name, array_to_string(second_factor_values, ', ') AS values, enabled,
                               sign_in_roles
                          FROM oidc_provider WHERE organisation_id = ?""")
                .param(Tenancy.requireOrganisationId())
                .query((rs, n) -> {
                    OidcProviderForm form = new OidcProviderForm(rs.getString("issuer"), rs.getString("client_id"),
                            null, rs.getString("display_name"), rs.getString("values"), rs.getBoolean("enabled"));
                    form.setSignInRoles(Role.fromColumn(rs, "sign_in_roles"));
                    return form;
                })
                .optional().orElseGet(OidcProviderForm::new);
    }

    /** Whether a secret is saved (the page says so instead of showing it). */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public boolean configured() {
        return db.sql("SELECT count(*) FROM oidc_provider WHERE organisation_id = ?")
                .param(Tenancy.requireOrganisationId()).query(Integer.class).single() > 0;
    }

    /** Saves the settings, every field checked first; the same form twice saves the same. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void save(OidcProviderForm form) {
        UUID organisation = Tenancy.requireOrganisationId();
        boolean exists = configured();
        List<InvalidInputException> broken = new ArrayList<>();
        String issuer = form.getIssuer() == null ? "" : form.getIssuer().strip();
        if (!validIssuer(issuer)) {
            broken.add(new InvalidInputException("issuer", "oidc.issuer.invalid"));
        }
        String clientId = form.getClientId() == null ? "" : form.getClientId().strip();
        if (clientId.isEmpty() || clientId.length() > 300) {
            broken.add(new InvalidInputException("clientId", "oidc.clientId.required"));
        }
        String secret = form.getClientSecret() == null ? "" : form.getClientSecret().strip();
        if (secret.isEmpty() && !exists || secret.length() > 2000) {
            broken.add(new InvalidInputException("clientSecret", "oidc.clientSecret.required"));
        }
        String name = form.getDisplayName() == null ? "" : form.getDisplayName().strip();
        if (name.isEmpty() || name.length() > 100) {
            broken.add(new InvalidInputException("displayName", "oidc.displayName.required"));
        }
        List<String> values = values(form.getSecondFactorValues());
        if (values.size() > 20 || values.stream().anyMatch(v -> v.length() > 200)) {
            broken.add(new InvalidInputException("secondFactorValues", "oidc.secondFactorValues.invalid"));
        }
        Set<Role> roles = form.getSignInRoles() == null ? Set.of() : form.getSignInRoles();
        if (roles.isEmpty()) {
            broken.add(new InvalidInputException("signInRoles", "oidc.signInRoles.required"));
        }
        InvalidInputException.throwIfAny(broken);
        String[] roleArray = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        UUID by = Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        String[] valueArray = values.toArray(String[]::new);
        if (exists) {
            db.sql("""
                            UPDATE oidc_provider SET issuer = ?, client_id = ?, display_name = ?, second_factor_values = ?,
                                   enabled = ?, sign_in_roles = ?, updated_at = now(), updated_by = ?
                             WHERE organisation_id = ?""")
                    .params(issuer, clientId, name, valueArray, form.isEnabled(), roleArray, by, organisation)
                    .update();
            if (!secret.isEmpty()) {
                db.sql("UPDATE oidc_provider SET client_secret_encrypted = ? WHERE organisation_id = ?")
                        .params(crypto.encryptText(secret, associatedData(organisation)), organisation).update();
            }
        } else {
            db.sql("""
                            INSERT INTO oidc_provider (organisation_id, issuer, client_id, client_secret_encrypted,
                                                       display_name, second_factor_values, enabled, sign_in_roles,
                                                       updated_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(organisation, issuer, clientId, crypto.encryptText(secret, associatedData(organisation)),
                            name, valueArray, form.isEnabled(), roleArray, by).update();
        }
        registrations.forget(organisation);
    }

    static String associatedData(UUID organisation) {
        return "oidc:" + organisation;
    }

    static List<String> values(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static boolean validIssuer(String issuer) {
        if (issuer.length() < 8 || issuer.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

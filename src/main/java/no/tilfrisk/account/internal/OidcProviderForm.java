package no.tilfrisk.account.internal;

import java.util.Set;
import java.util.TreeSet;
import no.tilfrisk.account.Role;

/**
 * The organisation's OpenID Connect provider as the admin sets it: the issuer (its discovery document is read from
 * {@code <issuer>/.well-known/openid-configuration}), the client id and secret Tilfrisk was given there (a blank
 * secret keeps the one saved), the name on the sign-in button, and the {@code acr}/{@code amr} values that count as
 * the second factor, separated by commas or spaces; and which roles may sign in through it (at least one).
 */
public class OidcProviderForm {

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String displayName;
    private String secondFactorValues = "idporten-loa-substantial, idporten-loa-high";
    private boolean enabled = true;
    private Set<Role> signInRoles = new TreeSet<>(DEFAULT_ROLES);

    /** Who may sign in through the provider unless the admin says otherwise: the staff roles and partners. */
    public static final Set<Role> DEFAULT_ROLES =
            Set.of(Role.ORG_ADMIN, Role.COORDINATOR, Role.STAFF, Role.PARTNER);

    public OidcProviderForm() {
    }

    public OidcProviderForm(String issuer, String clientId, String clientSecret, String displayName,
                            String secondFactorValues, boolean enabled) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.displayName = displayName;
        this.secondFactorValues = secondFactorValues;
        this.enabled = enabled;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getSecondFactorValues() {
        return secondFactorValues;
    }

    public void setSecondFactorValues(String secondFactorValues) {
        this.secondFactorValues = secondFactorValues;
    }

    public Set<Role> getSignInRoles() {
        return signInRoles;
    }

    public void setSignInRoles(Set<Role> signInRoles) {
        this.signInRoles = signInRoles == null ? new TreeSet<>() : new TreeSet<>(signInRoles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}

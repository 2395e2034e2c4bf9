package no.tilfrisk.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: kept in the session (so serializable), without the password once signed in. */
public final class TilfriskUser implements UserDetails, CredentialsContainer, TenantPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID organisationId;
    private final String email;
    private final String displayName;
    private final boolean active;
    private final Set<Role> roles;
    private final Set<UUID> departmentIds;
    private final boolean secondFactorEnrolled;
    private final boolean secondFactorRequiredByOrganisation;
    private String passwordHash;

    public TilfriskUser(UUID userId, UUID organisationId, String email, String displayName, String passwordHash,
                        boolean active, Set<Role> roles, Set<UUID> departmentIds, boolean secondFactorEnrolled,
                        boolean secondFactorRequiredByOrganisation) {
        this.userId = userId;
        this.organisationId = organisationId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.active = active;
        this.roles = Set.copyOf(roles);
        this.departmentIds = Set.copyOf(departmentIds);
        this.secondFactorEnrolled = secondFactorEnrolled;
        this.secondFactorRequiredByOrganisation = secondFactorRequiredByOrganisation;
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public UUID organisationId() {
        return organisationId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether signing in with a password must be followed by a second factor: always once the user has set one
     * up, and for everyone who can see personal data where the organisation requires it (they set it up at
     * their next sign-in). As it was when the user signed in.
     */
    public boolean needsSecondFactor() {
        return secondFactorEnrolled
                || secondFactorRequiredByOrganisation && roles.stream().anyMatch(Role::seesPersonalData);
    }

    @Override
    public Set<UUID> departmentIds() {
        return departmentIds;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "TilfriskUser[" + userId + ", roles=" + List.copyOf(roles) + "]";
    }
}

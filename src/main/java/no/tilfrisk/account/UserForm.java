package no.tilfrisk.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An account as the admin edits it. A mutable bean so that a value that cannot be converted becomes a field
 * error while the rest of the form keeps what the admin chose.
 */
public class UserForm {

    @NotBlank(message = "{user.email.required}")
    @Email(message = "{user.email.invalid}")
    @Size(max = 254, message = "{user.email.size}")
    private String email;

    @NotBlank(message = "{user.displayName.required}")
    @Size(max = 200, message = "{user.displayName.size}")
    private String displayName;

    @NotEmpty(message = "{user.roles.required}")
    private Set<Role> roles = new HashSet<>();

    private Set<UUID> departmentIds = new HashSet<>();

    public UserForm() {
    }

    public UserForm(String email, String displayName, Set<Role> roles, Set<UUID> departmentIds) {
        this.email = email;
        this.displayName = displayName;
        setRoles(roles);
        setDepartmentIds(departmentIds);
    }

    public static UserForm of(UserAccount account) {
        return new UserForm(account.email(), account.displayName(), account.roles(), account.departmentIds());
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? new HashSet<>() : new HashSet<>(roles);
        this.roles.remove(null);
    }

    public Set<UUID> getDepartmentIds() {
        return departmentIds;
    }

    public void setDepartmentIds(Set<UUID> departmentIds) {
        this.departmentIds = departmentIds == null ? new HashSet<>() : new HashSet<>(departmentIds);
        this.departmentIds.remove(null);
    }

    String normalisedEmail() {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

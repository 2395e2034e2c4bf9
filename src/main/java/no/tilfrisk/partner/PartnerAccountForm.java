package no.tilfrisk.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A caseworker's account at a partner organisation: e-mail (to sign in) and name. */
public class PartnerAccountForm {

    @NotBlank(message = "{user.email.required}")
    @Email(message = "{user.email.invalid}")
    @Size(max = 254, message = "{user.email.size}")
    private String email;

    @NotBlank(message = "{user.displayName.required}")
    @Size(max = 200, message = "{user.displayName.size}")
    private String displayName;

    public PartnerAccountForm() {
    }

    public PartnerAccountForm(String email, String displayName) {
        this.email = email;
        this.displayName = displayName;
    }

    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
}

package no.tilfrisk.portal.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where the invitation goes: the person's e-mail address, which staff may correct before it is sent. */
public class InvitationForm {

    @NotBlank(message = "{invitation.email.required}")
    @Email(message = "{invitation.email.invalid}")
    @Size(max = 254, message = "{invitation.email.size}")
    private String email;

    public InvitationForm() {
    }

    public InvitationForm(String email) {
        this.email = email;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}

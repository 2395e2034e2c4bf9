package no.tilfrisk.portal.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The password a participant chooses when they accept an invitation. Long rather than complicated: a sentence
 * they remember is better than a short word with symbols (NSM's advice).
 */
public class PasswordForm {

    public static final int MIN_LENGTH = 12;

    @NotBlank(message = "{invitation.password.required}")
    @Size(min = MIN_LENGTH, max = 128, message = "{invitation.password.size}")
    private String password;

    private String repeat;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}

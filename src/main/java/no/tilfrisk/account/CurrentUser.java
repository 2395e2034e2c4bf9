package no.tilfrisk.account;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of this request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static TilfriskUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TilfriskUser user) {
            return user;
        }
        throw new AuthenticationCredentialsNotFoundException("Not signed in");
    }
}

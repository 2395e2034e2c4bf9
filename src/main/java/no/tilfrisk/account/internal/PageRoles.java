package no.tilfrisk.account.internal;

import java.util.Collection;
import no.tilfrisk.account.TilfriskUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user's roles show on a page (the menu, a page's own links), as {@code ${@roles.any('STAFF')}}
 * in the templates. It only shows or hides links: every page and service checks access itself.
 *
 * <p>It replaces {@code sec:authorize}, which built a Spring Security expression context and evaluated an expression
 * for each of the menu's 60 or so items on every page: a sixth of the CPU under bench/load.sh's 32 users. This reads
 * the request's authentication once per call and compares names.
 */
@Component("roles")
public class PageRoles {

    /** True when the user has one of the roles ({@code STAFF}, not {@code ROLE_STAFF}), as {@code hasAnyRole}. */
    public boolean any(String... roles) {
        Authentication authentication = signedInAuthentication();
        if (authentication == null) {
            return false;
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                for (String role : roles) {
                    if (name.length() == role.length() + 5 && name.endsWith(role)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Signed in (not anonymous), as {@code isAuthenticated()}. */
    public boolean signedIn() {
        return signedInAuthentication() != null;
    }

    /** Signed in, and past the second factor where the user needs one: the only state in which the menu shows. */
    public boolean pastSecondFactor() {
        Authentication authentication = signedInAuthentication();
        if (authentication == null) {
            return false;
        }
        if (!(authentication.getPrincipal() instanceof TilfriskUser user) || !user.needsSecondFactor()) {
            return true;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(a -> SecondFactors.AUTHORITY.equals(a.getAuthority()));
    }

    private static Authentication signedInAuthentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication;
    }
}

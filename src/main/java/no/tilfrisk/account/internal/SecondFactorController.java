package no.tilfrisk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.TilfriskUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of signing in ({@code /login/second-factor}) and the user's own page for the second factor
 * ({@code /account/second-factor}): set it up with an authenticator app, see its state, renew recovery codes.
 * A user who has given only the password reaches these pages and no other (see SecurityConfiguration); with
 * the password alone they can set up a factor only when they have none, never see or change one they have.
 */
@Controller
class SecondFactorController {

    record CodeForm(@NotBlank(message = "{secondFactor.code.required}")
                    @Size(max = 64, message = "{secondFactor.code.wrong}") String code) {
    }

    private static final String PENDING_SECRET = SecondFactorController.class.getName() + ".pendingSecret";
    private static final Pattern GROUPS_OF_FOUR = Pattern.compile("(.{4})(?!$)");

    private final SecondFactors factors;
    private final Totp totp;
    private final SignInThrottle throttle;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();

    SecondFactorController(SecondFactors factors, Totp totp, SignInThrottle throttle) {
        this.factors = factors;
        this.totp = totp;
        this.throttle = throttle;
    }

    @GetMapping("/login/second-factor")
    String prompt(Authentication authentication, Model model) {
        if (given(authentication)) {
            return "redirect:/";
        }
        if (factors.enrolledAt(CurrentUser.get().userId()).isEmpty()) {
            return "redirect:/account/second-factor";
        }
        model.addAttribute("form", new CodeForm(null));
        return "account/second-factor-prompt";
    }

    @PostMapping("/login/second-factor")
    String check(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Authentication authentication,
                 HttpServletRequest request, HttpServletResponse response) {
        TilfriskUser user = CurrentUser.get();
        if (given(authentication)) {
            return "redirect:/";
        }
        if (throttle.isBlocked(user.email(), request.getRemoteAddr())) {
            // back to the password: a throttled account starts again from the first step
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            return "redirect:/login?throttled";
        }
        if (errors.hasErrors()) {
            return "account/second-factor-prompt";
        }
        if (!factors.verify(user.userId(), form.code())) {
            throttle.failed(user.email(), request.getRemoteAddr());
            errors.rejectValue("code", "secondFactor.code.wrong");
            return "account/second-factor-prompt";
        }
        String next = savedRequestOrStart(request, response);
        completeSignIn(authentication, request, response);
        return "redirect:" + next;
    }

    @GetMapping("/account/second-factor")
    String page(Authentication authentication, HttpSession session, Model model) {
        TilfriskUser user = CurrentUser.get();
        var enrolledAt = factors.enrolledAt(user.userId());
        if (enrolledAt.isPresent()) {
            if (!given(authentication)) {
                return "redirect:/login/second-factor";
            }
            model.addAttribute("enrolledAt", enrolledAt.get());
            model.addAttribute("unusedRecoveryCodes", factors.unusedRecoveryCodes(user.userId()));
            return "account/second-factor";
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CodeForm(null));
        }
        return enrolmentPage(user, authentication, pendingSecret(user, session), model);
    }

    @PostMapping("/account/second-factor")
    String enrol(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Authentication authentication,
                 HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        TilfriskUser user = CurrentUser.get();
        if (factors.enrolledAt(user.userId()).isPresent()) {
            return "redirect:/account/second-factor";
        }
        HttpSession session = request.getSession();
        String secret = pendingSecret(user, session);
        Optional<List<String>> recoveryCodes = errors.hasErrors() ? Optional.empty()
                : factors.enrol(user.userId(), secret, form.code());
        if (recoveryCodes.isEmpty()) {
            if (!errors.hasErrors()) {
                errors.rejectValue("code", "secondFactor.code.wrong");
            }
            return enrolmentPage(user, authentication, secret, model);
        }
        session.removeAttribute(PENDING_SECRET);
        completeSignIn(authentication, request, response);
        redirect.addFlashAttribute("recoveryCodes", recoveryCodes.get());
        redirect.addFlashAttribute("enrolled", true);
        return "redirect:/account/second-factor";
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String renewRecoveryCodes(Authentication authentication, RedirectAttributes redirect) {
        TilfriskUser user = CurrentUser.get();
        if (factors.enrolledAt(user.userId()).isEmpty() || !given(authentication)) {
            return "redirect:/account/second-factor";
        }
        redirect.addFlashAttribute("recoveryCodes", factors.newRecoveryCodes(user.userId()));
        return "redirect:/account/second-factor";
    }

    private String enrolmentPage(TilfriskUser user, Authentication authentication, String secret, Model model) {
        model.addAttribute("required", user.needsSecondFactor() && !given(authentication));
        model.addAttribute("qrCode", totp.qrCode(secret, user.email()));
        model.addAttribute("secret", GROUPS_OF_FOUR.matcher(secret).replaceAll("$1 "));
        return "account/second-factor-enrol";
    }

    /** One secret per session until the user confirms it, so a reload does not change the QR code under them. */
    private String pendingSecret(TilfriskUser user, HttpSession session) {
        if (session.getAttribute(PENDING_SECRET) instanceof byte[] sealed) {
            return factors.openPending(user.userId(), sealed);
        }
        String secret = totp.newSecret();
        session.setAttribute(PENDING_SECRET, factors.sealPending(user.userId(), secret));
        return secret;
    }

    private static boolean given(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> SecondFactors.AUTHORITY.equals(a.getAuthority()));
    }

    /**
     * Adds the second factor to the signed-in user's authentication and clears their failed attempts. A new
     * session id, as after the password, so an id seen before this step is worth nothing after it.
     */
    private void completeSignIn(Authentication authentication, HttpServletRequest request,
                                HttpServletResponse response) {
        Authentication full = authentication.toBuilder()
                .authorities(a -> a.add(FactorGrantedAuthority.fromAuthority(SecondFactors.AUTHORITY)))
                .build();
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        throttle.succeeded(full.getName());
    }

    private String savedRequestOrStart(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        if (saved == null) {
            return "/";
        }
        requests.removeRequest(request, response);
        return saved.getRedirectUrl();
    }
}

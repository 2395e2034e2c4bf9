package no.tilfrisk.audit.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditCheckpoint;
import no.tilfrisk.audit.AuditCheckpoints;
import no.tilfrisk.audit.AuditEntry;
import no.tilfrisk.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's view of the audit trail, and the participant's own «who has seen my data». */
@Controller
class AuditController {

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;
    private final UserAccounts users;

    AuditController(AuditTrail audit, AuditCheckpoints checkpoints, UserAccounts users) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.users = users;
    }

    @GetMapping("/admin/audit")
    String trail(@RequestParam(required = false) UUID person, @RequestParam(required = false) UUID actor,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Model model) {
        model.addAttribute("entries", audit.search(person, actor, from, to, 500));
        model.addAttribute("users", users.list());
        model.addAttribute("person", person);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/trail";
    }

    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", audit.verify());
        return "redirect:/admin/audit";
    }

    /** A signed checkpoint of the trail's end now, besides the nightly one. */
    @PostMapping("/admin/audit/checkpoint")
    String checkpoint(RedirectAttributes redirect) {
        redirect.addFlashAttribute("checkpointWritten", checkpoints.write().map(AuditCheckpoint::seq).orElse(0L));
        return "redirect:/admin/audit";
    }

    @GetMapping("/min-side/innsyn")
    String whoHasSeenMyData(Model model) {
        var me = CurrentUser.get();
        List<AuditEntry> entries = users.personOf(me.userId())
                .map(person -> audit.accessTo(person, me.userId()))
                .orElse(List.of());
        model.addAttribute("days", SeenByDay.of(entries));
        return "audit/my-data";
    }
}

package no.tilfrisk.caregroup.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.caregroup.DecisionForm;
import no.tilfrisk.caregroup.GroupView;
import no.tilfrisk.caregroup.MeetingForm;
import no.tilfrisk.caregroup.MemberForm;
import no.tilfrisk.caregroup.MemberKind;
import no.tilfrisk.caregroup.ResponsibilityGroups;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.transition.Transitions;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's responsibility group for staff: members, meetings with who came and minutes, and decisions. */
@Controller
@RequestMapping("/persons/{personId}/ansvarsgruppe")
class CareGroupController {

    private final ResponsibilityGroups groups;
    private final UserAccounts users;
    private final Plans plans;
    private final Transitions transitions;

    CareGroupController(ResponsibilityGroups groups, UserAccounts users, Plans plans, Transitions transitions) {
        this.transitions = transitions;
        this.groups = groups;
        this.users = users;
        this.plans = plans;
    }

    @GetMapping
    String show(@PathVariable UUID personId, Model model) {
        return page(personId, model, new MemberForm(), new MeetingForm(), new DecisionForm(), null);
    }

    @PostMapping("/members")
    String addMember(@PathVariable UUID personId, @RequestParam UUID formId,
                     @ModelAttribute("memberForm") MemberForm form, BindingResult errors, Model model,
                     RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                groups.addMember(formId, personId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/ansvarsgruppe";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(personId, model, form, new MeetingForm(), new DecisionForm(), null);
    }

    @PostMapping("/members/{memberId}/remove")
    String removeMember(@PathVariable UUID personId, @PathVariable UUID memberId,
                        @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
                        Model model) {
        if (!confirmed) {
            GroupView group = groups.group(personId);
            GroupView.Member member = group.members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Member"));
            return Confirmation.ask(model, request, "/persons/" + personId + "/ansvarsgruppe", "caregroup.remove",
                    "caregroup.remove.confirm", member.name(), group.personName());
        }
        groups.removeMember(personId, memberId);
        return "redirect:/persons/" + personId + "/ansvarsgruppe";
    }

    @PostMapping("/meetings")
    String addMeeting(@PathVariable UUID personId, @RequestParam UUID formId,
                      @ModelAttribute("meetingForm") MeetingForm form, BindingResult errors, Model model,
                      RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                groups.addMeeting(formId, personId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/ansvarsgruppe";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(personId, model, new MemberForm(), form, new DecisionForm(), null);
    }

    @PostMapping("/meetings/{meetingId}/decisions")
    String addDecision(@PathVariable UUID personId, @PathVariable UUID meetingId, @RequestParam UUID formId,
                       @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, Model model,
                       RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                groups.addDecision(formId, personId, meetingId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/ansvarsgruppe";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(personId, model, new MemberForm(), new MeetingForm(), form, meetingId);
    }

    private String page(UUID personId, Model model, MemberForm member, MeetingForm meeting, DecisionForm decision,
                        UUID decisionMeeting) {
        model.addAttribute("group", groups.group(personId));
        model.addAttribute("kinds", MemberKind.values());
        model.addAttribute("staff", users.staff());
        model.addAttribute("partners", groups.partnerChoices(personId));
        model.addAttribute("relatives", groups.relativeChoices(personId));
        model.addAttribute("goals", plans.plan(personId).allGoals());
        model.addAttribute("openTransition", transitions.openOf(personId));
        model.addAttribute("memberForm", member);
        model.addAttribute("meetingForm", meeting);
        model.addAttribute("decisionForm", decision);
        model.addAttribute("decisionMeeting", decisionMeeting);
        model.addAttribute("formId", UUID.randomUUID());
        return "caregroup/group";
    }
}

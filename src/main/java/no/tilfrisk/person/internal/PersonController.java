package no.tilfrisk.person.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.Consent;
import no.tilfrisk.person.ConsentChecklist;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.person.PersonExport;
import no.tilfrisk.person.Gender;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.Membership;
import no.tilfrisk.person.PersonOverview;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonView;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.Relative;
import no.tilfrisk.person.RoleSpan;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.PdfRendering;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages for persons: list with search-as-you-type, registration, the person's page and its changes. */
@Controller
@RequestMapping("/persons")
class PersonController {

    private static final int PAGE_SIZE = 25;

    private final PersonDirectory persons;
    private final PersonSpans spans;
    private final PersonOverview overview;
    private final Consents consents;
    private final Departments departments;
    private final DataSubjectRights rights;
    private final PdfRendering pdfs;
    private final Clock clock;
    private final MessageSource messages;
    private final Dates dates;

    PersonController(PersonDirectory persons, PersonSpans spans, PersonOverview overview, Consents consents,
                     Departments departments, DataSubjectRights rights, PdfRendering pdfs, Clock clock,
                     MessageSource messages, Dates dates) {
        this.spans = spans;
        this.pdfs = pdfs;
        this.clock = clock;
        this.persons = persons;
        this.overview = overview;
        this.messages = messages;
        this.dates = dates;
        this.consents = consents;
        this.departments = departments;
        this.rights = rights;
    }

    @ModelAttribute
    void choices(Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        if (htmx != null) {
            return; // the result list of search-as-you-type needs none of the form's choices
        }
        model.addAttribute("allRoles", PersonRole.values());
        model.addAttribute("allGenders", Gender.values());
        model.addAttribute("registrationPurposes", ConsentPurpose.AT_REGISTRATION);
        model.addAttribute("allMethods", ConsentMethod.values());
        model.addAttribute("myDepartments", departments.list().stream()
                .filter(d -> PersonAccess.mayUseDepartment(d.id())).toList());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) UUID department,
                @RequestParam(required = false) PersonRole role, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("role", role);
        model.addAttribute("result", persons.search(q, department, role, Math.max(0, page), PAGE_SIZE));
        // search-as-you-type asks for the result list only
        return htmx != null ? "person/list :: results" : "person/list";
    }

    @GetMapping("/review")
    String review(Model model) {
        model.addAttribute("due", rights.retentionReview());
        return "person/review";
    }

    /** Everything about the person as a JSON file to hand over (the right of access and to data portability). */
    @GetMapping("/{id}/export")
    @ResponseBody
    ResponseEntity<PersonExport> export(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tilfrisk-person-" + id + ".json\"")
                .body(rights.export(id));
    }

    /** The same as a PDF to hand over. */
    @GetMapping("/{id}/export.pdf")
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, Locale locale) {
        byte[] pdf = pdfs.render("person/export-pdf", Map.of("export", rights.export(id),
                "sectionFragments", rights.printFragments()), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tilfrisk-person-" + id + ".pdf\"")
                .body(pdf);
    }

    /** The same as a page to read or print. */
    @GetMapping("/{id}/export/print")
    String exportPage(@PathVariable UUID id, Model model) {
        model.addAttribute("export", rights.export(id));
        model.addAttribute("sectionFragments", rights.printFragments());
        return "person/export";
    }

    @PostMapping("/{id}/erase")
    String erase(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm,
                 RedirectAttributes redirect) {
        try {
            rights.erase(id, confirm);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
            return "redirect:/persons/" + id;
        }
        redirect.addFlashAttribute("erased", true);
        return "redirect:/persons";
    }

    @GetMapping("/new")
    String newPerson(Model model) {
        model.addAttribute("form", new PersonForm());
        model.addAttribute("formId", UUID.randomUUID());
        return "person/form";
    }

    @PostMapping
    String register(@RequestParam UUID formId, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
                    Model model) {
        if (!errors.hasErrors()) {
            try {
                var outcome = persons.register(formId, form);
                if (outcome instanceof PersonDirectory.Registered registered) {
                    return "redirect:/persons/" + registered.id() + "?registered";
                }
                model.addAttribute("duplicates", ((PersonDirectory.PossibleDuplicate) outcome).matches());
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return "person/form";
    }

    /** A fact of the summary or a quick action as the page shows it, in the reader's language. */
    record Shown(String label, String text, String href, boolean warning) {
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        PersonView view = overview.view(id, page);
        model.addAttribute("person", view.person());
        model.addAttribute("summary", view.summary().stream().map(i -> new Shown(
                messages.getMessage(i.labelKey(), null, locale), text(i.textKey(), i.args(), locale), i.href(),
                i.warning())).toList());
        model.addAttribute("actions", view.actions().stream().map(a -> new Shown(
                text(a.labelKey(), a.args(), locale), null, a.href(), false)).toList());
        model.addAttribute("timeline", view.timeline());
        model.addAttribute("relativeChoices", spans.relativesToChoose().stream().filter(p -> !p.id().equals(id)).toList());
        model.addAttribute("partnerNames", consents.partnerNames());
        if (!model.containsAttribute("consentForm")) {
            model.addAttribute("consentForm", new ConsentChecklist());
            model.addAttribute("consentFormId", UUID.randomUUID());
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "person/show";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        PersonDetails person = persons.get(id);
        model.addAttribute("person", person);
        model.addAttribute("form", PersonForm.of(person));
        return "person/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                persons.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("person", persons.get(id));
        return "person/form";
    }

    /**
     * Deactivates after a question naming the person (a reason given, so that the question is not asked in vain; a
     * blank one is the field's message as before). Reactivating undoes it.
     */
    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model,
                      RedirectAttributes redirect) {
        if (!confirmed && !reason.isBlank()) {
            PersonDetails person = persons.get(id);
            return Confirmation.ask(model, request, "/persons/" + id, "persons.deactivate", "confirm.deactivatePerson",
                    person.displayName(), reason.strip());
        }
        return act(id, redirect, () -> persons.deactivate(id, reason), "deactivated");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> persons.reactivate(id), "reactivated");
    }

    @PostMapping("/{id}/roles")
    String addRole(@PathVariable UUID id, @RequestParam(required = false) PersonRole role,
                   @RequestParam(required = false) LocalDate from, RedirectAttributes redirect) {
        return act(id, redirect, () -> spans.addRole(id, role, from), "saved");
    }

    @PostMapping("/{id}/roles/{roleId}/end")
    String endRole(@PathVariable UUID id, @PathVariable UUID roleId, @RequestParam(required = false) LocalDate to,
                   @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        if (!confirmed) {
            PersonDetails person = persons.get(id);
            RoleSpan role = person.roles().stream().filter(r -> r.id().equals(roleId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("role"));
            return Confirmation.ask(model, request, "/persons/" + id, "persons.end", "confirm.endRole",
                    label("personRole." + role.role()), person.displayName());
        }
        return act(id, redirect, () -> spans.endRole(id, roleId, to), "saved");
    }

    @PostMapping("/{id}/memberships")
    String addMembership(@PathVariable UUID id, @RequestParam(required = false) UUID departmentId,
                         @RequestParam(required = false) LocalDate from, RedirectAttributes redirect) {
        return act(id, redirect, () -> spans.addMembership(id, departmentId, from), "saved");
    }

    @PostMapping("/{id}/memberships/{membershipId}/end")
    String endMembership(@PathVariable UUID id, @PathVariable UUID membershipId,
                         @RequestParam(required = false) LocalDate to,
                         @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
                         Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            PersonDetails person = persons.get(id);
            Membership membership = person.memberships().stream().filter(m -> m.id().equals(membershipId))
                    .findFirst().orElseThrow(() -> new NotFoundException("membership"));
            return Confirmation.ask(model, request, "/persons/" + id, "persons.end", "confirm.endMembership",
                    membership.departmentName(), person.displayName());
        }
        return act(id, redirect, () -> spans.endMembership(id, membershipId, to), "saved");
    }

    @PostMapping("/{id}/relatives")
    String linkRelative(@PathVariable UUID id, @RequestParam(required = false) UUID relativeId,
                        @RequestParam(required = false) String relation, RedirectAttributes redirect) {
        return act(id, redirect, () -> spans.linkRelative(id, relativeId, relation), "saved");
    }

    @PostMapping("/{id}/relatives/{linkId}/remove")
    String unlinkRelative(@PathVariable UUID id, @PathVariable UUID linkId,
                          @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
                          Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            PersonDetails person = persons.get(id);
            Relative relative = person.relatives().stream().filter(r -> r.linkId().equals(linkId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("relative"));
            return Confirmation.ask(model, request, "/persons/" + id, "relatives.remove", "confirm.unlinkRelative",
                    relative.displayName(), person.displayName());
        }
        return act(id, redirect, () -> spans.unlinkRelative(id, linkId), "saved");
    }

    /** The purposes ticked, all or none; a form sent twice records nothing twice (the form's id). */
    @PostMapping("/{id}/consents")
    String giveConsents(@PathVariable UUID id, @RequestParam UUID formId,
                        @Valid @ModelAttribute("consentForm") ConsentChecklist form, BindingResult errors, Model model,
                        Locale locale, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                consents.giveAll(formId, id, form);
                redirect.addFlashAttribute("consentGiven", true);
                return "redirect:/persons/" + id + "#consents";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("consentFormId", formId);
        return show(id, 0, model, locale);
    }

    @PostMapping("/{id}/consents/{consentId}/withdraw")
    String withdrawConsent(@PathVariable UUID id, @PathVariable UUID consentId,
                           @RequestParam(required = false) ConsentMethod method,
                           @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request,
                           Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            PersonDetails person = persons.get(id);
            Consent consent = person.consents().stream().filter(c -> c.id().equals(consentId) && c.active())
                    .findFirst().orElseThrow(() -> new NotFoundException("consent"));
            return Confirmation.ask(model, request, "/persons/" + id + "#consents", "consent.withdraw",
                    "confirm.withdrawConsent", label("consentPurpose." + consent.purpose()), person.displayName());
        }
        return act(id, redirect, () -> consents.withdraw(id, consentId, method), "consentWithdrawn");
    }

    /** A message with its arguments, dates shown as the reader reads them (other messages Spring resolves itself). */
    private String text(String key, List<Object> args, Locale locale) {
        Object[] shown = args.stream().map(a -> a instanceof LocalDate d ? dates.date(d) : a).toArray();
        return messages.getMessage(key, shown, locale);
    }

    /** A message key as an argument of another message, resolved in the page's language. */
    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(code);
    }

    private static String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute(done, true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/persons/" + id;
    }
}

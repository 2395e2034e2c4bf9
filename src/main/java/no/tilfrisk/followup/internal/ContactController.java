package no.tilfrisk.followup.internal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.followup.Contact;
import no.tilfrisk.followup.ContactFilter;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.LoggablePersons;
import no.tilfrisk.followup.ContactSummary;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.EscortKind;
import no.tilfrisk.followup.Named;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact log's pages: a person's contacts with the form to log one, one contact (change, void, follow-up
 * done), and the list of everyone's contacts with filters. Rights are checked in {@link ContactLog}.
 */
@Controller
class ContactController {

    private static final int PAGE_SIZE = 25;
    private static final int FIND_LIMIT = 20;

    private final ContactLog contacts;
    private final UserAccounts users;
    private final PersonLookup persons;
    private final Clock clock;
    private final LoggablePersons loggable;

    ContactController(ContactLog contacts, UserAccounts users, PersonLookup persons, Clock clock,
                      LoggablePersons loggable) {
        this.clock = clock;
        this.loggable = loggable;
        this.contacts = contacts;
        this.users = users;
        this.persons = persons;
    }

    /** The list's filters, as a bean so that a value that cannot be converted is a field error, not a failure. */
    public static class ListFilter {
        private UUID person;
        private UUID staff;
        private ContactType type;
        private LocalDate from;
        private LocalDate to;
        private int page;

        public UUID getPerson() { return person; }
        public void setPerson(UUID v) { person = v; }
        public UUID getStaff() { return staff; }
        public void setStaff(UUID v) { staff = v; }
        public ContactType getType() { return type; }
        public void setType(ContactType v) { type = v; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate v) { from = v; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate v) { to = v; }
        public int getPage() { return page; }
        public void setPage(int v) { page = Math.max(0, v); }

        ContactFilter filter() {
            return new ContactFilter(person, staff, type, from, to);
        }
    }

    @GetMapping("/contacts")
    String list(@ModelAttribute("filter") ListFilter filter, BindingResult errors, Model model) {
        ResultPage<ContactSummary> result = new ResultPage<>(List.of(), 0, PAGE_SIZE, 0);
        if (!errors.hasErrors()) {
            try {
                result = contacts.search(filter.filter(), filter.getPage(), PAGE_SIZE);
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("result", result);
        model.addAttribute("personChoices", contacts.personsWithContacts());
        model.addAttribute("staffChoices", users.staff());
        model.addAttribute("allTypes", ContactType.values());
        return "followup/list";
    }

    /**
     * «Logg kontakt» from the contact list: find the person, then their contact form. With {@code person} it goes
     * straight to that person's form.
     */
    @GetMapping("/contacts/new")
    String findPersonToLog(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) UUID person,
                           Model model) {
        if (person != null) {
            loggable.require(person);
            return "redirect:/persons/" + person + "/contacts#log-contact";
        }
        model.addAttribute("q", q);
        model.addAttribute("found", loggable.find(q, FIND_LIMIT));
        return "followup/new";
    }

    @GetMapping("/persons/{personId}/contacts")
    String ofPerson(@PathVariable UUID personId, Model model) {
        model.addAttribute("form", ContactForm.now(me(), clock));
        model.addAttribute("formId", UUID.randomUUID());
        return personPage(personId, model);
    }

    @PostMapping("/persons/{personId}/contacts")
    String log(@PathVariable UUID personId, @RequestParam UUID formId, @Valid @ModelAttribute("form") ContactForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        form.setPersonId(personId);
        if (!errors.hasErrors()) {
            try {
                contacts.log(formId, form);
                redirect.addFlashAttribute("logged", true);
                return "redirect:/persons/" + personId + "/contacts";
            } catch (InvalidInputException e) {
                if (e.all().stream().anyMatch(x -> x.field().equals("personId"))) {
                    throw new NotFoundException("Person"); // the address names someone the caller may not see
                }
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return personPage(personId, model);
    }

    @GetMapping("/contacts/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("contact", contacts.get(id));
        return "followup/contact";
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Contact contact = contacts.get(id);
        if (contact.voided()) {
            return "redirect:/contacts/" + id;
        }
        model.addAttribute("form", ContactForm.of(contact));
        return editPage(contact, model);
    }

    @PostMapping("/contacts/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ContactForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                contacts.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/contacts/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return editPage(contacts.get(id), model);
    }

    @PostMapping("/contacts/{id}/void")
    String voidContact(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                       RedirectAttributes redirect) {
        try {
            contacts.voidContact(id, reason);
            redirect.addFlashAttribute("voided", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/contacts/" + id;
    }

    /** From the start page's task list back to it; from the contact's page back to that. */
    @PostMapping("/contacts/{id}/follow-up-done")
    String followUpDone(@PathVariable UUID id, @RequestParam(defaultValue = "") String from,
                        RedirectAttributes redirect) {
        try {
            contacts.followUpDone(id);
            redirect.addFlashAttribute("followUpDone", true);
            // the start page offers «Angre» for a minute (ContactLog.UNDO_WINDOW)
            redirect.addFlashAttribute("undoHref", "/contacts/" + id + "/follow-up-undo");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "start".equals(from) ? "redirect:/" : "redirect:/contacts/" + id;
    }

    /** «Angre» after «Utført», within a minute: the follow-up is open again; back where it came from. */
    @PostMapping("/contacts/{id}/follow-up-undo")
    String undoFollowUpDone(@PathVariable UUID id, @RequestParam(defaultValue = "") String from,
                            RedirectAttributes redirect) {
        try {
            contacts.undoFollowUpDone(id);
            redirect.addFlashAttribute("undone", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "start".equals(from) ? "redirect:/" : "redirect:/contacts/" + id;
    }

    /**
     * A relative on the contact form: those the participant consents to involve can be chosen; one already on the
     * contact stays choosable (they were present then), even if the consent or the link has ended since.
     */
    record RelativeOption(UUID id, String name, boolean consentGiven, boolean selectable) {
    }

    private String personPage(UUID personId, Model model) {
        model.addAttribute("contacts", contacts.ofPerson(personId));
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("relativeChoices", contacts.relativesToChoose(personId).stream()
                .map(r -> new RelativeOption(r.id(), r.name(), r.consentGiven(), r.consentGiven())).toList());
        choices(model);
        return "followup/person-contacts";
    }

    private String editPage(Contact contact, Model model) {
        model.addAttribute("contact", contact);
        var present = contact.relatives().stream().map(Named::id).collect(Collectors.toSet());
        List<RelativeOption> options = new ArrayList<>(contacts.relativesToChoose(contact.personId()).stream()
                .map(r -> new RelativeOption(r.id(), r.name(), r.consentGiven(), r.consentGiven() || present.contains(r.id())))
                .toList());
        contact.relatives().stream().filter(r -> options.stream().noneMatch(o -> o.id().equals(r.id())))
                .forEach(r -> options.add(new RelativeOption(r.id(), r.name(), false, true)));
        model.addAttribute("relativeChoices", options);
        choices(model);
        return "followup/contact-form";
    }

    private void choices(Model model) {
        model.addAttribute("staffChoices", users.staff());
        model.addAttribute("allTypes", ContactType.values());
        model.addAttribute("allEscortKinds", EscortKind.values());
        model.addAttribute("today", LocalDate.now(clock));
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}

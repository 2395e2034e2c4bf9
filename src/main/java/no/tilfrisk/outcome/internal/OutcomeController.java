package no.tilfrisk.outcome.internal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.InstrumentSettings;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.OutcomeSettings;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.outcome.ResponseForm;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages: a person's measurements (due now, trends, responses) with the form to enter a response with the
 * participant present, and the outcome figures with the organisation's thresholds and licences. Rights are checked
 * in {@link Outcomes}, {@link InstrumentSettings} and {@link OutcomeAggregates}.
 */
@Controller
class OutcomeController {

    private final Outcomes outcomes;
    private final InstrumentSettings settings;
    private final OutcomeAggregates aggregates;
    private final Instruments instruments;
    private final PersonLookup persons;
    private final OutcomeCharts charts;
    private final Mappings mappings;
    private final Clock clock;

    OutcomeController(Outcomes outcomes, InstrumentSettings settings, OutcomeAggregates aggregates, Instruments instruments, PersonLookup persons,
                      OutcomeCharts charts, Mappings mappings, Clock clock) {
        this.clock = clock;
        this.mappings = mappings;
        this.outcomes = outcomes;
        this.settings = settings;
        this.aggregates = aggregates;
        this.instruments = instruments;
        this.persons = persons;
        this.charts = charts;
    }

    @GetMapping("/persons/{personId}/outcomes")
    String ofPerson(@PathVariable UUID personId, Model model, Locale locale) {
        List<Response> responses = outcomes.ofPerson(personId);
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("responses", responses);
        model.addAttribute("trends", charts.trends(responses, locale, "trend-"));
        // the recovery profile: the participant's own ratings per life area from their latest mappings, oldest first
        List<Mapping> profile = new ArrayList<>(mappings.ofPerson(personId));
        profile.sort(Comparator.comparing(Mapping::mappedOn));
        model.addAttribute("profile", profile.subList(Math.max(0, profile.size() - 4), profile.size()));
        model.addAttribute("lifeAreas", LifeArea.values());
        model.addAttribute("due", outcomes.dueFor(personId));
        model.addAttribute("available", settings.available());
        model.addAttribute("instruments", instruments);
        return "outcome/person";
    }

    @GetMapping("/persons/{personId}/outcomes/new")
    String newResponse(@PathVariable UUID personId, @RequestParam(name = "instrument", defaultValue = "") String instrumentId,
                       Model model) {
        outcomes.requireVisiblePerson(personId);
        ResponseForm form = ResponseForm.of(instrumentId, LocalDate.now(clock), Map.of());
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return formPage(personId, instrumentId, model);
    }

    @PostMapping("/persons/{personId}/outcomes")
    String record(@PathVariable UUID personId, @RequestParam UUID formId, @ModelAttribute("form") ResponseForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        outcomes.requireVisiblePerson(personId);
        if (!errors.hasErrors()) {
            try {
                Response response = outcomes.record(formId, personId, form);
                redirect.addFlashAttribute("recorded", response.instrumentId());
                redirect.addFlashAttribute("recordedScore", response.score().value());
                return "redirect:/persons/" + personId + "/outcomes";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return formPage(personId, form.getInstrumentId(), model);
    }

    private String formPage(UUID personId, String instrumentId, Model model) {
        Instrument instrument = settings.available().stream().filter(i -> i.id().equals(instrumentId)).findFirst()
                .or(() -> instruments.find(instrumentId))
                .orElseThrow(() -> new NotFoundException("Instrument"));
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("instrument", instrument);
        model.addAttribute("today", LocalDate.now(clock));
        return "outcome/form";
    }

    /** The figures' filters, as a bean so that a value that cannot be converted is a field error, not a failure. */
    public static class Filter {
        private UUID department;
        private LocalDate from;
        private LocalDate to;

        public UUID getDepartment() { return department; }
        public void setDepartment(UUID v) { department = v; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate v) { from = v; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate v) { to = v; }
    }

    @GetMapping("/outcomes")
    String figures(@ModelAttribute("filter") Filter filter, BindingResult errors, Model model) {
        // admins and coordinators only (a report reader reads the figures in the external annual report)
        var choices = aggregates.departmentsToChoose();
        boolean admin = CurrentUser.get().roleNames().contains("ORG_ADMIN");
        boolean wholeOrganisation = admin;
        LocalDate today = LocalDate.now(clock);
        if (filter.getFrom() == null && filter.getTo() == null && !errors.hasFieldErrors("from") && !errors.hasFieldErrors("to")) {
            filter.setFrom(today.minusYears(1).plusDays(1));
            filter.setTo(today);
        }
        if (!wholeOrganisation && filter.getDepartment() == null && !choices.isEmpty()) {
            filter.setDepartment(choices.get(0).id());
        }
        List<Aggregate> figures = List.of();
        if (!errors.hasErrors()) {
            try {
                figures = aggregates.forAnyPeriod(filter.getDepartment(), filter.getFrom(), filter.getTo());
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("figures", figures);
        model.addAttribute("departmentChoices", choices);
        model.addAttribute("wholeOrganisation", wholeOrganisation);
        model.addAttribute("minShown", OutcomeAggregates.MIN_SHOWN);
        if (admin) {
            if (!model.containsAttribute("settings")) {
                model.addAttribute("settings", aggregates.settings());
            }
            model.addAttribute("licensed", instruments.all().stream().filter(Instrument::licenceRequired).toList());
            model.addAttribute("enabled", settings.enabledIds());
        }
        model.addAttribute("admin", admin);
        return "outcome/figures";
    }

    @PostMapping("/outcomes/settings")
    String settings(@Valid @ModelAttribute("settings") OutcomeSettings settings, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // the page again with the settings' field errors: its filter form needs its bean and binding result too
            Filter filter = new Filter();
            BindingResult filterErrors = new BeanPropertyBindingResult(filter, "filter");
            model.addAttribute("filter", filter);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "filter", filterErrors);
            return figures(filter, filterErrors, model);
        }
        aggregates.changeSettings(settings);
        redirect.addFlashAttribute("settingsSaved", true);
        return "redirect:/outcomes";
    }

    @PostMapping("/outcomes/instruments/{instrumentId}")
    String enable(@PathVariable String instrumentId, @RequestParam(defaultValue = "false") boolean enabled,
                  RedirectAttributes redirect) {
        try {
            settings.setEnabled(instrumentId, enabled);
            redirect.addFlashAttribute("licenceSaved", true);
        } catch (InvalidInputException e) {
            throw new NotFoundException("Instrument");
        }
        return "redirect:/outcomes";
    }
}

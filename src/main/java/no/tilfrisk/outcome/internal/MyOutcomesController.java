package no.tilfrisk.outcome.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.InstrumentSettings;
import no.tilfrisk.outcome.MyOutcomes;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Mine målinger» on «Min side»: what is due, the participant's own trends, and answering one question per screen
 * with the progress shown. Each answer is kept in a draft at once, so the participant can stop and go on later;
 * nothing counts until they send it in. The person is always the signed-in participant's own, never from the request.
 */
@Controller
class MyOutcomesController {

    private final MyOutcomes mine;
    private final Outcomes outcomes;
    private final InstrumentSettings settings;
    private final OutcomeCharts charts;

    MyOutcomesController(MyOutcomes mine, Outcomes outcomes, InstrumentSettings settings, OutcomeCharts charts) {
        this.mine = mine;
        this.outcomes = outcomes;
        this.settings = settings;
        this.charts = charts;
    }

    @GetMapping("/min-side/maalinger")
    String overview(Model model, Locale locale) {
        UUID me = mine.myPerson();
        List<Response> responses = outcomes.ofPerson(me);
        model.addAttribute("due", outcomes.dueFor(me));
        model.addAttribute("available", settings.available());
        model.addAttribute("drafts", mine.myDrafts());
        model.addAttribute("trends", charts.forTheParticipant(responses, locale));
        return "outcome/mine";
    }

    @GetMapping("/min-side/maalinger/{instrumentId}")
    String step(@PathVariable String instrumentId, @RequestParam(name = "steg", required = false) Integer step, Model model) {
        MyOutcomes.Draft draft = mine.draft(instrumentId);
        Instrument instrument = draft.instrument();
        int n = instrument.items().size();
        int at = step == null ? draft.nextStep() : Math.max(0, Math.min(step, n));
        model.addAttribute("draft", draft);
        model.addAttribute("instrument", instrument);
        model.addAttribute("step", at);
        model.addAttribute("total", n);
        if (at == n) {
            return "outcome/mine-summary";
        }
        model.addAttribute("item", instrument.items().get(at));
        Integer current = draft.answers().get(instrument.items().get(at).id());
        model.addAttribute("current", current == null || current == Integer.MIN_VALUE ? null : current);
        return "outcome/mine-step";
    }

    @PostMapping("/min-side/maalinger/{instrumentId}")
    String answer(@PathVariable String instrumentId, @RequestParam int steg,
                  @RequestParam(required = false) String value, @RequestParam(defaultValue = "next") String action,
                  Model model, RedirectAttributes redirect) {
        MyOutcomes.Draft draft = mine.draft(instrumentId);
        List<Instrument.Item> items = draft.instrument().items();
        if (steg < 0 || steg >= items.size()) {
            return "redirect:/min-side/maalinger/" + draft.instrument().id();
        }
        Instrument.Item item = items.get(steg);
        if ("back".equals(action)) {
            return "redirect:/min-side/maalinger/" + draft.instrument().id() + "?steg=" + Math.max(0, steg - 1);
        }
        try {
            if ("skip".equals(action)) {
                mine.answerInDraft(instrumentId, item.id(), null);
            } else {
                if (value == null || value.isBlank()) {
                    throw new InvalidInputException("value", "outcome.mine.value.required");
                }
                mine.answerInDraft(instrumentId, item.id(), value);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("draft", draft);
            model.addAttribute("instrument", draft.instrument());
            model.addAttribute("step", steg);
            model.addAttribute("total", items.size());
            model.addAttribute("item", item);
            model.addAttribute("current", null);
            model.addAttribute("error", e.code());
            model.addAttribute("errorArgs", e.args());
            return "outcome/mine-step";
        }
        return "redirect:/min-side/maalinger/" + draft.instrument().id() + "?steg=" + (steg + 1);
    }

    @PostMapping("/min-side/maalinger/{instrumentId}/send")
    String send(@PathVariable String instrumentId, @RequestParam UUID responseId, RedirectAttributes redirect) {
        Response response = mine.submitDraft(instrumentId, responseId);
        redirect.addFlashAttribute("sent", response.instrumentId());
        return "redirect:/min-side/maalinger";
    }

    @PostMapping("/min-side/maalinger/{instrumentId}/avbryt")
    String discard(@PathVariable String instrumentId, RedirectAttributes redirect) {
        mine.discardDraft(instrumentId);
        redirect.addFlashAttribute("discarded", true);
        return "redirect:/min-side/maalinger";
    }
}

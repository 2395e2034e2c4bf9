package no.tilfrisk.leisure.internal;

import java.time.Clock;
import java.time.LocalDate;

import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.CheckInForm;
import no.tilfrisk.leisure.MyLeisure;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** «Min side»'s leisure page: the participant's own process and the check-in question, made for a phone. */
@Controller
class MyLeisureController {

    private final MyLeisure mine;
    private final Clock clock;

    MyLeisureController(MyLeisure mine, Clock clock) {
        this.mine = mine;
        this.clock = clock;
    }

    @GetMapping("/min-side/fritid")
    String page(Model model) {
        model.addAttribute("mine", mine.mine().orElse(null));
        if (!model.containsAttribute("checkInForm")) {
            model.addAttribute("checkInForm", new CheckInForm());
        }
        model.addAttribute("checkInDue", model.getAttribute("checkInDue"));
        model.addAttribute("today", LocalDate.now(clock));
        return "leisure/mine";
    }

    @PostMapping("/min-side/fritid/check-ins/{due}")
    String answer(@PathVariable CheckInDue due, @ModelAttribute("checkInForm") CheckInForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                mine.answer(due, form);
                redirect.addFlashAttribute("thanks", true);
                return "redirect:/min-side/fritid";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("checkInDue", due);
        return page(model);
    }
}

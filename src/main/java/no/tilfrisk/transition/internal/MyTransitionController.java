package no.tilfrisk.transition.internal;

import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.MyTransition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** «Min side»'s transition page: the participant's coming transition in plain words, and marking their own items. */
@Controller
class MyTransitionController {

    private final MyTransition transitions;

    MyTransitionController(MyTransition transitions) {
        this.transitions = transitions;
    }

    @GetMapping("/min-side/overgang")
    String page(Model model) {
        model.addAttribute("transitions", transitions.mine());
        return "transition/mine";
    }

    @PostMapping("/min-side/overgang/items/{itemId}")
    String mark(@PathVariable UUID itemId, @RequestParam(required = false) ItemStatus status,
                RedirectAttributes redirect) {
        try {
            transitions.mark(itemId, status);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/min-side/overgang#item-" + itemId;
    }
}

package no.tilfrisk.caregroup.internal;

import java.time.Clock;
import java.time.LocalDate;
import no.tilfrisk.caregroup.ResponsibilityGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** «Min side»: the participant's own responsibility group, the next meeting, and the minutes of the meetings. */
@Controller
class MyCareGroupController {

    private final ResponsibilityGroups groups;
    private final Clock clock;

    MyCareGroupController(ResponsibilityGroups groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    @GetMapping("/min-side/ansvarsgruppe")
    String mine(Model model) {
        var group = groups.mine();
        model.addAttribute("group", group);
        model.addAttribute("next", group.nextOn(LocalDate.now(clock)).orElse(null));
        return "caregroup/mine";
    }
}

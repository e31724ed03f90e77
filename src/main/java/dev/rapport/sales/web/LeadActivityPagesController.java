package dev.rapport.sales.web;

import dev.rapport.activities.ActivityInput;
import dev.rapport.activities.ActivityType;
import dev.rapport.activities.LeadActivities;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The timeline on the lead page (an htmx fragment): notes, calls and tasks, added as on a customer. */
@Controller
class LeadActivityPagesController {

    private final LeadActivities activities;
    private final UserManagement users;
    private final Clock clock;

    LeadActivityPagesController(LeadActivities activities, UserManagement users, Clock clock) {
        this.activities = activities;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/leads/{id}/timeline")
    String timeline(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        return render(users.current(), id, cursor, model);
    }

    @PostMapping("/leads/{id}/activities")
    String add(@PathVariable long id, @RequestParam String type, @RequestParam String subject,
               @RequestParam(required = false) String body,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
               HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        try {
            activities.add(me, id, new ActivityInput(type, subject, body, null, null,
                    dueAt == null ? null : dueAt.atZone(users.currentZone()).toInstant(), null, null));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/leads/" + id;
        }
        return render(me, id, null, model);
    }

    @PostMapping("/leads/{id}/activities/{activityId}/complete")
    String complete(@PathVariable long id, @PathVariable long activityId, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        activities.complete(me, id, activityId);
        if (!htmx.isHtmxRequest()) {
            return "redirect:/leads/" + id;
        }
        return render(me, id, null, model);
    }

    private String render(CurrentUser me, long leadId, String cursor, Model model) {
        var page = activities.timeline(me, leadId, cursor, 20);
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("leadId", leadId);
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("types", ActivityType.values());
        return "sales/lead-timeline :: timeline";
    }
}

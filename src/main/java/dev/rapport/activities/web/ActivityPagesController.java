package dev.rapport.activities.web;

import dev.rapport.activities.ActivityInput;
import dev.rapport.activities.ActivityManagement;
import dev.rapport.activities.ActivityType;
import dev.rapport.activities.ActivityView;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.TimeZones;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The timeline on the customer page (an htmx fragment) and the "my tasks" page. */
@Controller
class ActivityPagesController {

    private final ActivityManagement activities;
    private final UserManagement users;
    private final TimeZones zones;

    ActivityPagesController(ActivityManagement activities, UserManagement users, TimeZones zones) {
        this.activities = activities;
        this.users = users;
        this.zones = zones;
    }

    @GetMapping("/customers/{id}/timeline")
    String timeline(@PathVariable long id, Model model) {
        return render(users.current(), id, model);
    }

    @GetMapping("/customers/{id}/timeline/more")
    String more(@PathVariable long id, @RequestParam String cursor, Model model) {
        var page = activities.timeline(users.current(), id, null, cursor, 20);
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("customerId", id);
        model.addAttribute("now", activities.now());
        return "activities/timeline :: entries";
    }

    private String render(CurrentUser me, long customerId, Model model) {
        var page = activities.timeline(me, customerId, null, null, 20);
        model.addAttribute("items", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("customerId", customerId);
        model.addAttribute("now", activities.now());
        model.addAttribute("types", ActivityType.values());
        return "activities/timeline :: timeline";
    }

    @PostMapping("/customers/{id}/activities")
    String add(@PathVariable long id, @RequestParam String type, @RequestParam String subject,
               @RequestParam(required = false) String body,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime remindAt,
               HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        try {
            activities.add(me, id, new ActivityInput(type, subject, body, null, null, instant(dueAt), instant(remindAt), null));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/customers/" + id;
        }
        return render(me, id, model);
    }

    @PostMapping("/activities/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) String back, HtmxRequest htmx, Model model) {
        CurrentUser me = users.current();
        ActivityView a = activities.complete(me, id, null);
        if ("tasks".equals(back)) {
            return "redirect:/tasks";
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/customers/" + a.customerId();
        }
        return render(me, a.customerId(), model);
    }

    @GetMapping("/tasks")
    String tasks(Model model) {
        CurrentUser me = users.current();
        model.addAttribute("tasks", activities.myOpenTasks(me, 500));
        model.addAttribute("now", activities.now());
        return "activities/tasks";
    }

    /** A time typed into the form means that wall-clock time where the user is (their time zone setting). */
    private Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(zones.current()).toInstant();
    }
}

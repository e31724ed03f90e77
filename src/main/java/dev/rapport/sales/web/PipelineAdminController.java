package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineManagement;
import dev.rapport.sales.Stage;
import dev.rapport.sales.StageInput;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for pipelines and stages (pipeline:manage): rename, reorder, probabilities, add and remove stages. */
@Controller
class PipelineAdminController {

    private final PipelineManagement pipelines;
    private final PipelineNames names;
    private final UserManagement users;
    private final MessageSource messages;

    PipelineAdminController(PipelineManagement pipelines, PipelineNames names, UserManagement users, MessageSource messages) {
        this.pipelines = pipelines;
        this.names = names;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/pipelines")
    String list(Model model) {
        CurrentUser me = users.current();
        me.require(PipelineManagement.MANAGE);
        model.addAttribute("pipelines", pipelines.all(me));
        return "opportunities/pipelines";
    }

    @PostMapping("/admin/pipelines")
    String create(@RequestParam String name, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        // a new pipeline starts with one open, one won and one lost stage, named in the admin's language
        List<StageInput> stages = List.of(new StageInput(null, text("stage.kind.open"), 1, 10, "open", null),
                new StageInput(null, text("stage.kind.won"), 2, 100, "won", null),
                new StageInput(null, text("stage.kind.lost"), 3, 0, "lost", null));
        return run(model, redirect, () -> pipelines.create(me, name, stages));
    }

    @PostMapping("/admin/pipelines/{id}")
    String rename(@PathVariable long id, @RequestParam long version, @RequestParam String name, Model model, RedirectAttributes redirect) {
        CurrentUser me = users.current();
        return run(model, redirect, () -> {
            Pipeline p = pipelines.get(me, id);
            pipelines.rename(me, id, version, names.toStore("pipeline", p.builtinKey(), name));
        });
    }

    @PostMapping("/admin/pipelines/{id}/stages")
    String saveStage(@PathVariable long id, @RequestParam(required = false) Long stageId, @RequestParam(required = false) Long version,
                     @RequestParam String name, @RequestParam(required = false) Integer position,
                     @RequestParam(required = false) Integer probability, @RequestParam String kind, Model model,
                     RedirectAttributes redirect) {
        CurrentUser me = users.current();
        return run(model, redirect, () -> {
            Stage old = stageId == null ? null : pipelines.get(me, id).stage(stageId);
            String stored = old == null ? name : names.toStore("stage", old.builtinKey(), name);
            pipelines.saveStage(me, id, new StageInput(stageId, stored, position, probability, kind, version));
        });
    }

    @PostMapping("/admin/pipelines/{id}/stages/{stageId}/delete")
    String removeStage(@PathVariable long id, @PathVariable long stageId, @RequestParam(required = false) Long moveTo, Model model,
                       RedirectAttributes redirect) {
        CurrentUser me = users.current();
        return run(model, redirect, () -> pipelines.removeStage(me, id, stageId, moveTo));
    }

    private String run(Model model, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", text("pipeline.saved"));
            return "redirect:/admin/pipelines";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("errors", List.of(new InvalidInputException.FieldError("version", "problem.stale", List.of())));
        }
        return list(model);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}

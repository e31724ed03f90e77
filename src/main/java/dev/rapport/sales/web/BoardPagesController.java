package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.OpportunityBoard;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineManagement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The kanban board (/opportunities/board): columns rendered on the server, more cards and totals
 * fetched by htmx, and the stage move that the drag and drop (static/js/board.js) posts.
 */
@Controller
class BoardPagesController {

    private final OpportunityBoard board;
    private final OpportunityManagement opportunities;
    private final PipelineManagement pipelines;
    private final UserManagement users;
    private final MessageSource messages;

    BoardPagesController(OpportunityBoard board, OpportunityManagement opportunities, PipelineManagement pipelines,
                         UserManagement users, MessageSource messages) {
        this.board = board;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/opportunities/board")
    String board(@RequestParam Map<String, String> params, Model model) {
        CurrentUser me = users.current();
        OpportunityFilter filter = OpportunityFilter.from(boardParams(params));
        Pipeline pipeline = filter.pipelineId() == null ? pipelines.defaultPipeline(me) : pipelines.get(me, filter.pipelineId());
        model.addAttribute("board", board.board(me, pipeline.id(), filter));
        model.addAttribute("pipelines", pipelines.all(me));
        model.addAttribute("owners", users.assignableOwners(me));
        model.addAttribute("filter", filter);
        model.addAttribute("filterQuery", filterQuery(params));
        model.addAttribute("pipelineId", pipeline.id());
        return "opportunities/board";
    }

    @GetMapping("/opportunities/board/column")
    String column(@RequestParam long stage, @RequestParam long before, @RequestParam Map<String, String> params, Model model) {
        OpportunityFilter filter = OpportunityFilter.from(boardParams(params));
        model.addAttribute("column", board.more(users.current(), stage, filter, before));
        model.addAttribute("stageId", stage);
        model.addAttribute("filterQuery", filterQuery(params));
        return "opportunities/board :: more";
    }

    @GetMapping("/opportunities/board/totals")
    String totals(@RequestParam Map<String, String> params, Model model) {
        CurrentUser me = users.current();
        OpportunityFilter filter = OpportunityFilter.from(boardParams(params));
        long pipeline = filter.pipelineId() == null ? pipelines.defaultPipeline(me).id() : filter.pipelineId();
        model.addAttribute("board", board.board(me, pipeline, filter));
        return "opportunities/board :: totals";
    }

    /** The drop of a card: the card with its new version, or the translated reason and an error status (the card snaps back). */
    @PostMapping("/opportunities/{id}/move")
    ModelAndView move(@PathVariable long id, @RequestParam long stageId, @RequestParam long version,
                      @RequestParam(required = false) String lossReason) {
        CurrentUser me = users.current();
        try {
            var o = opportunities.moveToStage(me, id, version, stageId, lossReason);
            return new ModelAndView("opportunities/board :: card", Map.of("o", o));
        } catch (StaleVersionException e) {
            return error("opportunity.board.stale", HttpStatus.CONFLICT);
        } catch (NotFoundException e) {
            return error("opportunity.board.notFound", HttpStatus.NOT_FOUND);
        } catch (InvalidInputException e) {
            var first = e.errors().get(0);
            String text = messages.getMessage("field." + first.field(), null, first.field(), LocaleContextHolder.getLocale()) + ": "
                    + messages.getMessage(first.messageKey(), first.args().toArray(), first.messageKey(), LocaleContextHolder.getLocale());
            return new ModelAndView("opportunities/board :: moveError", Map.of("message", text), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView error(String key, HttpStatus status) {
        String text = messages.getMessage(key, null, LocaleContextHolder.getLocale());
        return new ModelAndView("opportunities/board :: moveError", Map.of("message", text), status);
    }

    /** The board ignores list-only filters (stage, status, amount, sort). */
    private static Map<String, String> boardParams(Map<String, String> params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String key : new String[] {"pipeline", "owner", "closeFrom", "closeTo", "q"}) {
            if (params.get(key) != null) {
                p.put(key, params.get(key));
            }
        }
        return p;
    }

    /** The list's filters (not the cursor) as a query string, for the "more" button of the list. */
    static String listQuery(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        params.forEach((k, v) -> {
            if (!k.equals("cursor") && !k.equals("lang") && v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    /** The board's filters as a query string, for the "more" and totals requests. */
    static String filterQuery(Map<String, String> params) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        boardParams(params).forEach((k, v) -> {
            if (!v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }
}

package dev.rapport.sales.web;

import dev.rapport.platform.NotFoundException;
import dev.rapport.sales.WebForm;
import dev.rapport.sales.WebFormManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public web form page: a standalone page to link, frame, or post to from another site. */
@Controller
class WebFormPublicController {

    private final WebFormManagement forms;

    WebFormPublicController(WebFormManagement forms) {
        this.forms = forms;
    }

    @GetMapping("/forms/{key}")
    String show(@PathVariable String key, Model model) {
        WebForm form = forms.published(key).orElseThrow(() -> new NotFoundException("webForm", 0));
        return page(form, Map.of(), model);
    }

    @PostMapping("/forms/{key}")
    String submit(@PathVariable String key, @RequestParam Map<String, String> values,
                  @RequestParam(name = "_token", required = false) String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        WebForm form = forms.published(key).orElseThrow(() -> new NotFoundException("webForm", 0));
        // the client address as the servlet container sees it (behind a proxy: server.forward-headers-strategy)
        var result = forms.submit(form, values, token, request.getRemoteAddr());
        model.addAttribute("form", form);
        switch (result.outcome()) {
            case CREATED, IGNORED -> {
                model.addAttribute("done", true);
                return "sales/webform";
            }
            case RATE_LIMITED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", "600");
                model.addAttribute("problem", "webform.tooMany");
                return "sales/webform";
            }
            case EXPIRED -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("problem", "webform.expired");
                return page(form, values, model);
            }
            default -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("errors", result.errors());
                return page(form, values, model);
            }
        }
    }

    private String page(WebForm form, Map<String, String> values, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("token", forms.token(form));
        model.addAttribute("fields", WebForm.FIELDS);
        return "sales/webform";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("problem", "webform.notFound");
        return "sales/webform";
    }
}

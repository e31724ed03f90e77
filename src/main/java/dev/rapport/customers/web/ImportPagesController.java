package dev.rapport.customers.web;

import dev.rapport.customers.importing.ImportJob;
import dev.rapport.customers.importing.ImportManagement;
import dev.rapport.customers.importing.ImportReports;
import dev.rapport.customers.importing.MatchKey;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload → preview and mapping → progress pages of imports. */
@Controller
class ImportPagesController {

    private final ImportManagement imports;
    private final ImportReports reports;
    private final PageSupport page;

    ImportPagesController(ImportManagement imports, ImportReports reports, PageSupport page) {
        this.imports = imports;
        this.reports = reports;
        this.page = page;
    }

    @GetMapping("/imports")
    String list(@RequestParam(required = false) String type, Model model) {
        model.addAttribute("imports", imports.list(page.me(), 50));
        Map<String, List<String>> keysByType = imports.matchKeysByType(page.me());
        List<String> types = List.copyOf(keysByType.keySet());
        String shown = type != null && types.contains(type) ? type : types.isEmpty() ? null : types.get(0);
        model.addAttribute("selectedType", shown);
        model.addAttribute("types", types);
        // each match key lists the types it fits, so the form can offer only those of the chosen type
        Map<String, String> typesByKey = new LinkedHashMap<>();
        for (MatchKey k : MatchKey.values()) {
            typesByKey.put(k.key(), keysByType.entrySet().stream().filter(e -> e.getValue().contains(k.key())).map(Map.Entry::getKey)
                    .collect(Collectors.joining(" ")));
        }
        model.addAttribute("matchKeyTypes", typesByKey);
        model.addAttribute("shownMatchKeys", shown == null ? List.of() : keysByType.get(shown));
        return "imports/list";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String mode, @RequestParam(required = false) String matchOn,
                  RedirectAttributes redirect) throws IOException {
        try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
            ImportJob job = imports.upload(page.me(), file == null ? null : file.getOriginalFilename(), in, type, mode, matchOn);
            return "redirect:/imports/" + job.id() + "/preview";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        ImportManagement.Preview preview = imports.preview(page.me(), id);
        if (!ImportJob.PREVIEW.equals(preview.job().status())) {
            return "redirect:/imports/" + id;
        }
        model.addAttribute("preview", preview);
        model.addAttribute("job", preview.job());
        model.addAttribute("matchKeys", imports.matchKeys(preview.job()));
        return "imports/preview";
    }

    @PostMapping("/imports/{id}/start")
    String start(@PathVariable long id, @RequestParam(required = false) String mode, @RequestParam(required = false) String matchOn,
                 @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, String> mapping = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("map.")) {
                mapping.put(k.substring(4), v);
            }
        });
        try {
            imports.start(page.me(), id, mode, matchOn, mapping);
            return "redirect:/imports/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
            return "redirect:/imports/" + id + "/preview";
        }
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, HtmxRequest htmx, Model model) {
        CurrentUser me = page.me();
        ImportJob job = imports.find(me, id);
        model.addAttribute("job", job);
        model.addAttribute("errors", reports.page(me, id, false, null, 20, LocaleContextHolder.getLocale()).items());
        model.addAttribute("skippedRows", reports.page(me, id, true, null, 20, LocaleContextHolder.getLocale()).items());
        return htmx.isHtmxRequest() ? "imports/show :: progress" : "imports/show";
    }
}

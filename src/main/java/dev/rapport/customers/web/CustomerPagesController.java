package dev.rapport.customers.web;

import dev.rapport.customers.CustomerDetails;
import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerMerging;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.CustomerStatus;
import dev.rapport.customers.CustomerViews;
import dev.rapport.customers.DuplicateCandidate;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.Tier;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer list, form and 360 page. */
@Controller
class CustomerPagesController {

    private final CustomerManagement customers;
    private final CustomerMerging merging;
    private final CustomerQuery query;
    private final CustomerViews views;
    private final PageSupport page;

    CustomerPagesController(CustomerManagement customers, CustomerMerging merging, CustomerQuery query, CustomerViews views,
                            PageSupport page) {
        this.customers = customers;
        this.merging = merging;
        this.query = query;
        this.views = views;
        this.page = page;
    }

    @GetMapping("/customers")
    String list(@RequestParam Map<String, String> params, @RequestParam(required = false) List<String> cols,
                @RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
        CurrentUser me = page.me();
        me.require("customer", "view");
        CustomerFilter filter;
        try {
            filter = CustomerFilter.from(params);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            filter = CustomerFilter.empty();
        }
        List<String> columns = cols == null || cols.isEmpty() ? CustomerViews.DEFAULT_COLUMNS
                : cols.stream().filter(views.availableColumns()::contains).toList();
        var result = query.list(filter, page.users().scopeOf(me), cursor, 50);
        model.addAttribute("rows", cells(result.items(), columns));
        model.addAttribute("next", result.next());
        model.addAttribute("columns", columns);
        model.addAttribute("columnCss", columns.stream().map(CustomerPagesController::columnCss).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("queryString", queryString(filter.toParams(), columns));
        model.addAttribute("nextUrl", result.next() == null ? null : "/customers?" + queryString(filter.toParams(), columns) + "&cursor=" + result.next());
        if (htmx.isHtmxRequest() && cursor != null) {
            return "customers/list :: rows";
        }
        model.addAttribute("availableColumns", views.availableColumns());
        model.addAttribute("customFields", customers.customFields("customer"));
        model.addAttribute("owners", page.users().assignableOwners(me));
        // the bulk "release to pool" needs somewhere to release to
        model.addAttribute("releasePools", page.releasePools(me));
        model.addAttribute("savedViews", views.views(me, "customer"));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("tiers", Tier.values());
        return "customers/list";
    }

    /**
     * A list row with its cells already formatted and classed, so the template evaluates no
     * expression per cell beyond reading these two (350 cells on a page of 50 rows).
     */
    record ListRow(long id, String name, List<Cell> cells) {
    }

    /** {@code css}: {@link #columnCss} of the cell's column. */
    record Cell(String text, String css) {
    }

    /** "opt" for the columns a phone screen hides: all but phone and status. */
    static String columnCss(String col) {
        return col.equals("phone") || col.equals("status") ? null : "opt";
    }

    private List<ListRow> cells(List<CustomerRow> rows, List<String> columns) {
        // in the reader's time zone, like every time on the pages
        var dates = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(page.zone());
        var times = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(page.zone());
        Map<String, String> labels = new java.util.HashMap<>();
        java.util.function.Function<String, String> label = key -> labels.computeIfAbsent(key, k -> page.msg(k));
        List<ListRow> out = new ArrayList<>(rows.size());
        for (CustomerRow r : rows) {
            List<Cell> cells = new ArrayList<>(columns.size());
            for (String col : columns) {
                cells.add(new Cell(switch (col) {
                    case "type" -> label.apply("customer.type." + r.type());
                    case "phone" -> r.phone();
                    case "email" -> r.email();
                    case "province" -> r.province();
                    case "city" -> r.city();
                    case "industry" -> r.industry();
                    case "source" -> r.source();
                    case "tags" -> String.join(", ", r.tags());
                    case "status" -> label.apply("status." + r.status());
                    case "tier" -> label.apply("tier." + r.tier());
                    case "owner" -> r.ownerId() == null ? label.apply("pool.publicOwner") : r.ownerName();
                    case "created" -> dates.format(r.createdAt());
                    case "updated" -> times.format(r.updatedAt());
                    default -> {
                        Object v = r.customFields().get(col.substring(3));
                        yield v == null ? null : v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
                    }
                }, columnCss(col)));
            }
            out.add(new ListRow(r.id(), r.name(), cells));
        }
        return out;
    }

    @GetMapping("/customers/count")
    String count(@RequestParam Map<String, String> params, Model model) {
        CurrentUser me = page.me();
        me.require("customer", "view");
        long n = query.count(CustomerFilter.from(params), page.users().scopeOf(me));
        model.addAttribute("count", n);
        model.addAttribute("capped", n > CustomerQuery.COUNT_CAP);
        return "customers/list :: count";
    }

    @PostMapping("/customers/views")
    String saveView(@RequestParam String name, @RequestParam(defaultValue = "") String query, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        List<String> cols = new ArrayList<>();
        for (String part : query.split("&")) {
            if (part.startsWith("cols=")) {
                cols.add(java.net.URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8));
            }
        }
        views.saveView(me, "customer", name, query, cols);
        redirect.addFlashAttribute("flash", page.msg("views.saved"));
        return "redirect:/customers?" + query;
    }

    @PostMapping("/customers/views/{id}/delete")
    String deleteView(@PathVariable long id) {
        views.deleteView(page.me(), id);
        return "redirect:/customers";
    }

    @PostMapping("/customers/bulk")
    String bulk(@RequestParam String action, @RequestParam(required = false) List<Long> ids,
                @RequestParam(required = false) Long ownerId, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "") String back,
                RedirectAttributes redirect) {
        CurrentUser me = page.me();
        try {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "error.bulk.none");
            }
            CustomerManagement.BulkResult r = switch (action) {
                case "owner" -> customers.changeOwner(me, ids, ownerId == null ? -1 : ownerId);
                case "tag" -> customers.addTag(me, ids, tag);
                case "status" -> {
                    CustomerStatus s = CustomerStatus.parse(status);
                    if (s == null) {
                        throw new InvalidInputException("status", "error.status.unknown");
                    }
                    yield customers.changeStatus(me, ids, s);
                }
                case "delete" -> customers.delete(me, ids);
                default -> throw new InvalidInputException("action", "error.bulk.action");
            };
            redirect.addFlashAttribute("flash", page.msg("bulk.done", r.done().size(), r.notFound().size()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        }
        return "redirect:/customers" + (back.isEmpty() ? "" : "?" + back);
    }

    @GetMapping("/customers/new")
    String newForm(@RequestParam(defaultValue = "organization") String type, Model model) {
        CurrentUser me = page.me();
        me.require("customer", "create");
        CustomerForm form = new CustomerForm();
        form.setType(type);
        form.setOwnerId(me.id());
        return form(model, form, null);
    }

    @PostMapping("/customers")
    String create(@ModelAttribute("form") CustomerForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        if (!form.isConfirmDuplicate()) {
            List<DuplicateCandidate> dups = merging.similarTo(me, form.toInput(), null);
            if (!dups.isEmpty()) {
                model.addAttribute("duplicates", dups);
                return form(model, form, null);
            }
        }
        try {
            CustomerDetails c = customers.create(me, form.toInput());
            redirect.addFlashAttribute("flash", page.msg("customer.created"));
            return "redirect:/customers/" + c.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(model, form, null);
        }
    }

    @GetMapping("/customers/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = page.me();
        me.require("customer", "edit");
        CustomerDetails c = customers.details(me, id);
        return form(model, CustomerForm.of(customers.inputOf(me, id), c.version()), id);
    }

    @PostMapping("/customers/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") CustomerForm form, Model model, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        if (!form.isConfirmDuplicate()) {
            List<DuplicateCandidate> dups = merging.similarTo(me, form.toInput(), id);
            if (!dups.isEmpty()) {
                model.addAttribute("duplicates", dups);
                return form(model, form, id);
            }
        }
        try {
            customers.update(me, id, form.getVersion() == null ? -1 : form.getVersion(), form.toInput());
            redirect.addFlashAttribute("flash", page.msg("customer.saved"));
            return "redirect:/customers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return form(model, form, id);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return form(model, form, id);
        }
    }

    private String form(Model model, CustomerForm form, Long id) {
        CurrentUser me = page.me();
        model.addAttribute("form", form);
        model.addAttribute("customerId", id);
        model.addAttribute("owners", page.users().assignableOwners(me));
        model.addAttribute("customFields", customers.customFields("customer"));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("tiers", Tier.values());
        return "customers/form";
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = page.me();
        CustomerDetails c = customers.details(me, id);
        model.addAttribute("c", c);
        model.addAttribute("contacts", page.contacts().ofCustomer(me, id));
        model.addAttribute("statusHistory", customers.statusHistory(me, id));
        model.addAttribute("customFields", customers.customFields("customer"));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("owners", page.users().assignableOwners(me));
        model.addAttribute("me", me);
        return "customers/show";
    }

    @GetMapping("/customers/{id}/history")
    String history(@PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = page.me();
        customers.visible(me, id);
        List<Long> ids = new ArrayList<>(merging.mergedInto(id));
        ids.add(0, id);
        var history = page.audit().history("customer", ids, cursor, 50);
        model.addAttribute("entries", history.items());
        model.addAttribute("next", history.next());
        model.addAttribute("customerId", id);
        return "customers/show :: history";
    }

    @PostMapping("/customers/{id}/status")
    String status(@PathVariable long id, @RequestParam String status, @RequestParam long version,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = page.me();
        CustomerStatus s = CustomerStatus.parse(status);
        try {
            if (s == null) {
                throw new InvalidInputException("status", "error.status.unknown");
            }
            customers.changeStatus(me, id, version, s, reason);
            redirect.addFlashAttribute("flash", page.msg("customer.statusChanged"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flash", page.errorText(e));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flash", page.msg("problem.stale"));
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        customers.delete(page.me(), id);
        redirect.addFlashAttribute("flash", page.msg("customer.deleted"));
        return "redirect:/customers";
    }

    static String queryString(Map<String, String> params, List<String> columns) {
        Map<String, String> all = new LinkedHashMap<>(params);
        String base = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String cols = columns.stream().map(c -> "cols=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return base.isEmpty() ? cols : base + "&" + cols;
    }
}

package dev.rapport.customers.web;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.importing.RecordExport;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSV and Excel exports of customers and contacts; the list page links here with its filters. */
@RestController
@Tag(name = "Export", description = "Export customers and contacts as CSV or xlsx (导出)")
class ExportApiController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RecordExport export;
    private final UserManagement users;

    ExportApiController(RecordExport export, UserManagement users) {
        this.export = export;
        this.users = users;
    }

    @Operation(summary = "Export every customer matching the list filters within your data scope",
            description = "format = csv (UTF-8 with BOM) or xlsx; cols = comma list of columns (default all); the filters of "
                    + "GET /api/v1/customers. The file imports back unchanged (rows carry rapportId). Needs customer:export.")
    @GetMapping("/api/v1/customers/export")
    void customers(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String cols,
                   @Parameter(hidden = true) @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        CurrentUser me = users.current();
        List<String> columns = export.prepare(me, "customer", format, split(cols));
        CustomerFilter filter = CustomerFilter.from(params);
        start(response, format, "customers");
        export.customers(me, filter, format, columns, response.getOutputStream());
    }

    @Operation(summary = "Export every contact matching the filters (q, customer, owner, cf.<key>) within your data scope",
            description = "format = csv or xlsx; cols = comma list of columns (default all). Needs contact:export.")
    @GetMapping("/api/v1/contacts/export")
    void contacts(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String cols,
                  @RequestParam(required = false) String q, @RequestParam(required = false) Long customer,
                  @RequestParam(required = false) Long owner,
                  @Parameter(hidden = true) @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        CurrentUser me = users.current();
        List<String> columns = export.prepare(me, "contact", format, split(cols));
        Map<String, String> custom = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("cf.") && v != null && !v.isBlank()) {
                custom.put(k.substring(3), v.trim());
            }
        });
        start(response, format, "contacts");
        export.contacts(me, q, customer, owner, custom, format, columns, response.getOutputStream());
    }

    private static void start(HttpServletResponse response, String format, String what) {
        response.setContentType("xlsx".equals(format) ? XLSX : "text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + what + "-" + LocalDate.now() + "." + format + "\"");
    }

    private static List<String> split(String cols) {
        if (cols == null || cols.isBlank()) {
            return List.of();
        }
        List<String> out = Arrays.stream(cols.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (out.size() > 200) {
            throw new InvalidInputException("cols", "error.value.invalid");
        }
        return out;
    }
}

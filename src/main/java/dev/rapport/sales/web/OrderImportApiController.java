package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.importing.OrderImportError;
import dev.rapport.sales.importing.OrderImportManagement;
import dev.rapport.sales.importing.OrderImportView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/order-imports")
@Tag(name = "Order imports", description = "Order history import from CSV or xlsx (permission order:import)")
class OrderImportApiController {

    record StartRequest(String matchOn, Map<String, String> mapping) {
    }

    private final OrderImportManagement imports;
    private final UserManagement users;

    OrderImportApiController(OrderImportManagement imports, UserManagement users) {
        this.imports = imports;
        this.users = users;
    }

    @Operation(summary = "Upload a CSV or xlsx file of orders: one row per order line (or per order with a total), rows of one order next to each other",
            description = "Answers with a preview: headers, the guessed mapping (customerKey, orderNumber, orderDate, currency, total, description, quantity, unitPrice, discount, taxRate) and the first rows. With start=true (and optional matchOn) the import is queued at once.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean start,
                             @RequestParam(required = false) String matchOn) throws IOException {
        CurrentUser me = users.current();
        OrderImportManagement.Preview p = imports.upload(me, file.getOriginalFilename(), file.getInputStream());
        URI at = URI.create("/api/v1/order-imports/" + p.job().id());
        if (start) {
            return ResponseEntity.created(at).body(imports.start(me, p.job().id(), matchOn, Map.of()));
        }
        return ResponseEntity.created(at).body(p);
    }

    @Operation(summary = "Fix the customer match key (EXTERNAL_ID, CREDIT_CODE, PHONE, EMAIL) and mapping (field → header) and start")
    @PostMapping("/{id}/start")
    OrderImportView start(@PathVariable long id, @RequestBody(required = false) StartRequest r) {
        return imports.start(users.current(), id, r == null ? null : r.matchOn(), r == null ? Map.of() : r.mapping());
    }

    @Operation(summary = "Status, progress (workDone of workTotal rows) and counts: created, skipped (order number already there), rejected")
    @GetMapping("/{id}")
    OrderImportView get(@PathVariable long id) {
        return imports.get(users.current(), id);
    }

    @GetMapping("/{id}/preview")
    OrderImportManagement.Preview preview(@PathVariable long id) {
        return imports.preview(users.current(), id);
    }

    @Operation(summary = "Rejected and skipped rows with line number, reason and the row as read; keyset on id (after)")
    @GetMapping("/{id}/errors")
    List<OrderImportError> errors(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
                                  @RequestParam(defaultValue = "200") int limit) {
        return imports.errors(users.current(), id, after, Math.max(1, Math.min(limit, 1000)));
    }

    @Operation(summary = "The report of rejected and skipped rows as CSV")
    @GetMapping(value = "/{id}/report.csv")
    void report(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser me = users.current();
        imports.get(me, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=order-import-" + id + "-report.csv");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF');
        out.println("line,outcome,reason,detail,row");
        long after = 0;
        List<OrderImportError> page = imports.errors(me, id, after, 1000);
        while (!page.isEmpty()) {
            for (OrderImportError e : page) {
                out.println(e.line() + "," + e.outcome() + "," + e.reason() + "," + csv(e.detail()) + "," + csv(e.raw()));
            }
            after = page.get(page.size() - 1).id();
            page = imports.errors(me, id, after, 1000);
        }
        out.flush();
    }

    private static String csv(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}

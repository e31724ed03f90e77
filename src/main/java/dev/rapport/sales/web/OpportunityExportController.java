package dev.rapport.sales.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities")
class OpportunityExportController {

    private static final int PAGE = 500;

    private final OpportunityManagement opportunities;
    private final UserManagement users;

    OpportunityExportController(OpportunityManagement opportunities, UserManagement users) {
        this.opportunities = opportunities;
        this.users = users;
    }

    @Operation(summary = "Export every opportunity matching the list filters within your data scope as CSV (UTF-8 with BOM)",
            description = "The filters and sort of GET /api/v1/opportunities. Needs opportunity:export.")
    @GetMapping("/api/v1/opportunities/export")
    void export(@Parameter(hidden = true) @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        CurrentUser me = users.current();
        me.require("opportunity", "export");
        OpportunityFilter filter = OpportunityFilter.from(params);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"opportunities.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // the BOM makes Excel read the Chinese names as UTF-8
        out.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("id", "name", "customerId", "customer", "pipelineId", "stageId", "stage", "status", "amount", "currency",
                "expectedCloseDate", "probability", "ownerId", "owner", "competitors", "lossReason", "closedAt", "createdAt");
        String cursor = null;
        do {
            // keyset pages keep memory flat however many rows the filter matches
            CursorPage<OpportunityDetails> page = opportunities.list(me, filter, cursor, PAGE);
            for (OpportunityDetails o : page.items()) {
                csv.writeRecord(String.valueOf(o.id()), o.name(), String.valueOf(o.customerId()), text(o.customerName()),
                        String.valueOf(o.pipelineId()), String.valueOf(o.stageId()), o.stageName(), o.status(),
                        o.amount().toPlainString(), o.currency(), text(o.expectedCloseDate()), String.valueOf(o.probability()),
                        String.valueOf(o.ownerId()), text(o.ownerName()), text(o.competitors()), text(o.lossReason()),
                        text(o.closedAt()), text(o.createdAt()));
            }
            cursor = page.next();
        } while (cursor != null);
        csv.flush();
        out.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

package dev.rapport.sales.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.TimeZones;
import dev.rapport.sales.PerformancePeriod;
import dev.rapport.sales.PerformanceReport;
import dev.rapport.sales.PerformanceReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/performance")
@Tag(name = "Performance", description = "Performance review (业绩考核) of reps and departments")
class PerformanceApiController {

    private final PerformanceReview review;
    private final UserManagement users;
    private final TimeZones zones;
    private final Clock clock;

    PerformanceApiController(PerformanceReview review, UserManagement users, TimeZones zones, Clock clock) {
        this.review = review;
        this.users = users;
        this.zones = zones;
        this.clock = clock;
    }

    @Operation(summary = "Performance review of the reps (groupBy=user) or departments (groupBy=department) in the caller's "
            + "data scope, with totals",
            description = "The period is `period` (month, quarter or year; default month) holding the day `start` (default today), "
                    + "or any `from`/`to` dates (ISO, `to` exclusive, at most three years); days are in the company time zone. "
                    + "Per row: won amount in `currency` (default the company currency) against the target of the period and "
                    + "attainment, won deals in other currencies apart, won/lost counts and win rate, average days from creation "
                    + "to win, deals opened, leads created and converted, activities by type, and the rank by won amount. "
                    + "`sort`: rank, name, wonAmount, wonCount, attainment, winRate, averageCycleDays, opportunitiesCreated, "
                    + "leadsCreated, leadConversion or activityTotal; `dir`: asc or desc. Needs opportunity view.")
    @GetMapping
    PerformanceReport get(@RequestParam(required = false) String period, @RequestParam(required = false) String start,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String groupBy, @RequestParam(required = false) String currency,
                          @RequestParam(required = false) String sort, @RequestParam(required = false) String dir) {
        return review.of(users.current(), PerformancePeriod.parse(period, start, from, to, today()), groupBy, currency, sort, dir);
    }

    @Operation(summary = "The same review as CSV (UTF-8 with BOM), one line per row and a last line with the totals")
    @GetMapping("/export")
    void export(@RequestParam(required = false) String period, @RequestParam(required = false) String start,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String groupBy, @RequestParam(required = false) String currency,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @Parameter(hidden = true) HttpServletResponse response) throws IOException {
        PerformanceReport r = get(period, start, from, to, groupBy, currency, sort, dir);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"performance-" + r.from() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // the BOM makes Excel read the Chinese names as UTF-8
        out.write('\uFEFF');
        CsvWriter csv = CsvWriter.builder().build(out);
        List<String> head = new ArrayList<>(List.of("rank", "kind", "id", "name", "wonAmount", "currency", "target", "attainment",
                "wonCount", "lostCount", "winRate", "averageCycleDays", "opportunitiesCreated", "leadsCreated", "leadsConverted",
                "wonOtherCurrencies"));
        r.activityTypes().forEach(t -> head.add("activities." + t));
        csv.writeRecord(head);
        List<PerformanceReport.Row> rows = new ArrayList<>(r.rows());
        rows.add(r.totals());
        for (PerformanceReport.Row row : rows) {
            List<String> line = new ArrayList<>(List.of(text(row.rank()), row.kind(), String.valueOf(row.id()), text(row.name()),
                    row.wonAmount().toPlainString(), r.currency(), money(row.target()), money(row.attainment()),
                    String.valueOf(row.wonCount()), String.valueOf(row.lostCount()), money(row.winRate()),
                    money(row.averageCycleDays()), String.valueOf(row.opportunitiesCreated()), String.valueOf(row.leadsCreated()),
                    String.valueOf(row.leadsConverted()), row.wonOtherCurrencies().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().toPlainString()).collect(Collectors.joining("; "))));
            r.activityTypes().forEach(t -> line.add(String.valueOf(row.activities().getOrDefault(t, 0L))));
            csv.writeRecord(line);
        }
        csv.flush();
        out.flush();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zones.defaultZone()));
    }

    private static String money(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}

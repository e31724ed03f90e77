package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.TimeZones;
import dev.rapport.sales.PerformancePeriod;
import dev.rapport.sales.PerformanceReport;
import dev.rapport.sales.PerformanceReview;
import dev.rapport.sales.TargetPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance review page: period picker, ranking table sorted on the server, and charts drawn
 * by Chart.js from the numbers put in a data attribute (no inline script: the CSP allows none).
 */
@Controller
class PerformancePagesController {

    /** The won-vs-target and activities charts show this many rows, the most won first. */
    static final int CHART_ROWS = 20;

    private final PerformanceReview review;
    private final UserManagement users;
    private final TimeZones zones;
    private final Clock clock;
    private final JsonMapper json;

    PerformancePagesController(PerformanceReview review, UserManagement users, TimeZones zones, Clock clock, JsonMapper json) {
        this.review = review;
        this.users = users;
        this.zones = zones;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/performance")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String start,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String groupBy, @RequestParam(required = false) String currency,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zones.defaultZone()));
        PerformanceReport report;
        PerformancePeriod p;
        try {
            p = PerformancePeriod.parse(period, start, from, to, today);
            report = review.of(users.current(), p, groupBy, currency, sort, dir);
        } catch (InvalidInputException e) {
            // the page shows what was wrong above this month's review instead of an error page
            model.addAttribute("errors", e.errors());
            p = PerformancePeriod.parse(null, null, null, null, today);
            report = review.of(users.current(), p, null, null, null, null);
        }
        model.addAttribute("report", report);
        model.addAttribute("periods", TargetPeriod.KEYS);
        model.addAttribute("previousUrl", url(p.previous(), report, report.sort(), report.dir()));
        model.addAttribute("nextUrl", url(p.next(), report, report.sort(), report.dir()));
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (String key : PerformanceReview.SORTS) {
            // a second click on the sorted column turns the order round
            String direction = key.equals(report.sort()) ? (report.dir().equals("asc") ? "desc" : "asc")
                    : key.equals("name") || key.equals("rank") ? "asc" : "desc";
            sortUrls.put(key, url(p, report, key, direction));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("exportUrl", url(p, report, report.sort(), report.dir()).replace("/performance?", "/api/v1/performance/export?"));
        model.addAttribute("chart", chart(report));
        model.addAttribute("chartRows", CHART_ROWS);
        return "sales/performance";
    }

    /** The page's address for another period or sort, keeping the rest. */
    private static String url(PerformancePeriod p, PerformanceReport r, String sort, String dir) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/performance");
        if (p.type().equals("custom")) {
            b.queryParam("from", p.from()).queryParam("to", p.to());
        } else {
            b.queryParam("period", p.type()).queryParam("start", p.from());
        }
        return b.queryParam("groupBy", r.groupBy()).queryParam("currency", r.currency()).queryParam("sort", sort)
                .queryParam("dir", dir).build().encode().toUriString();
    }

    /** What the charts draw: the top rows by won amount, and the funnel of the totals. */
    private String chart(PerformanceReport r) {
        List<PerformanceReport.Row> top = r.rows().stream()
                .filter(row -> !"department".equals(r.groupBy()) || row.depth() == minDepth(r))
                .sorted(Comparator.comparing(PerformanceReport.Row::wonAmount).reversed()
                        .thenComparing(row -> row.rank() == null ? Integer.MAX_VALUE : row.rank()))
                .limit(CHART_ROWS).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("currency", r.currency());
        data.put("labels", top.stream().map(PerformanceReport.Row::name).toList());
        data.put("won", top.stream().map(PerformanceReport.Row::wonAmount).toList());
        data.put("target", top.stream().map(row -> row.target() == null ? BigDecimal.ZERO : row.target()).toList());
        Map<String, List<Long>> activities = new LinkedHashMap<>();
        for (String type : r.activityTypes()) {
            activities.put(type, top.stream().map(row -> row.activities().getOrDefault(type, 0L)).toList());
        }
        data.put("activities", activities);
        PerformanceReport.Row t = r.totals();
        data.put("funnel", List.of(t.leadsCreated(), t.leadsConverted(), t.opportunitiesCreated(), t.wonCount()));
        return json.writeValueAsString(data);
    }

    /** Department charts compare the departments just below the top one shown (the regions under the company). */
    private static int minDepth(PerformanceReport r) {
        List<Integer> depths = r.rows().stream().map(PerformanceReport.Row::depth).distinct().sorted().toList();
        return depths.size() > 1 ? depths.get(1) : depths.isEmpty() ? 0 : depths.get(0);
    }
}

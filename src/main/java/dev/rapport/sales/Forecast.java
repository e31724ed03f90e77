package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.query.ForecastQuery;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales forecast (销售预测): open opportunities by expected close month, per owner or per
 * department (the owner's own department), in each currency, plainly and weighted by the stage's
 * probability. Only owners in the caller's data scope count.
 */
@Service
public class Forecast {

    public static final int MAX_MONTHS = 24;

    public record Month(String month, BigDecimal amount, BigDecimal weighted, long count) {
    }

    public record Row(long groupId, String groupName, String currency, List<Month> months, BigDecimal amount,
                      BigDecimal weighted, long count) {
    }

    public record View(String from, List<String> months, String groupBy, List<Row> rows) {
    }

    private final ForecastQuery query;
    private final UserManagement users;

    Forecast(ForecastQuery query, UserManagement users) {
        this.query = query;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public View of(CurrentUser user, YearMonth from, int months, String groupBy) {
        user.require("opportunity", "view");
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidInputException("months", "error.forecast.months", MAX_MONTHS);
        }
        boolean byDepartment = "department".equals(groupBy);
        if (!byDepartment && groupBy != null && !groupBy.isBlank() && !"owner".equals(groupBy)) {
            throw new InvalidInputException("groupBy", "error.forecast.groupBy");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            labels.add(from.plusMonths(i).toString());
        }
        List<ForecastQuery.Cell> cells = query.cells(users.scopeOf(user), from.atDay(1), from.plusMonths(months).atDay(1));
        Map<Long, UserSummary> owners = users.summaries(cells.stream().map(ForecastQuery.Cell::ownerId).toList());
        // group key -> currency -> month -> sums
        Map<String, Map<String, BigDecimal[]>> sums = new LinkedHashMap<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ForecastQuery.Cell c : cells) {
            UserSummary o = owners.get(c.ownerId());
            long id = byDepartment ? (o == null ? 0 : o.departmentId()) : c.ownerId();
            String name = o == null ? "#" + c.ownerId() : byDepartment ? o.departmentName() : o.name();
            String key = id + "|" + c.currency();
            ids.put(key, id);
            names.put(key, name);
            String month = YearMonth.of(c.year(), c.month()).toString();
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(month, m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(c.amount());
            s[1] = s[1].add(c.weighted());
            s[2] = s[2].add(BigDecimal.valueOf(c.count()));
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, byMonth) -> {
            List<Month> line = new ArrayList<>();
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            long count = 0;
            for (String m : labels) {
                BigDecimal[] s = byMonth.getOrDefault(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                line.add(new Month(m, s[0], s[1], s[2].longValue()));
                amount = amount.add(s[0]);
                weighted = weighted.add(s[1]);
                count += s[2].longValue();
            }
            rows.add(new Row(ids.get(key), names.get(key), key.substring(key.indexOf('|') + 1), line, amount, weighted, count));
        });
        rows.sort(Comparator.comparing(Row::groupName, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::currency));
        return new View(from.toString(), labels, byDepartment ? "department" : "owner", rows);
    }
}

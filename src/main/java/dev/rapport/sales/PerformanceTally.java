package dev.rapport.sales;

import dev.rapport.activities.ActivityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The numbers of one rep, or added up for a department or the totals, before they become a report row. */
final class PerformanceTally {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAY_SECONDS = BigDecimal.valueOf(86_400);

    long wonCount;
    final Map<String, BigDecimal> wonByCurrency = new TreeMap<>();
    BigDecimal cycleSeconds = BigDecimal.ZERO;
    long lostCount;
    long opportunitiesCreated;
    long leadsCreated;
    long leadsConverted;
    final Map<String, Long> activities = new LinkedHashMap<>();

    PerformanceTally() {
        for (ActivityType t : ActivityType.values()) {
            activities.put(t.key(), 0L);
        }
    }

    boolean isEmpty() {
        return wonCount == 0 && lostCount == 0 && opportunitiesCreated == 0 && leadsCreated == 0 && activityTotal() == 0;
    }

    long activityTotal() {
        return activities.values().stream().mapToLong(Long::longValue).sum();
    }

    void add(PerformanceTally o) {
        wonCount += o.wonCount;
        o.wonByCurrency.forEach((c, a) -> wonByCurrency.merge(c, a, BigDecimal::add));
        cycleSeconds = cycleSeconds.add(o.cycleSeconds);
        lostCount += o.lostCount;
        opportunitiesCreated += o.opportunitiesCreated;
        leadsCreated += o.leadsCreated;
        leadsConverted += o.leadsConverted;
        o.activities.forEach((t, n) -> activities.merge(t, n, Long::sum));
    }

    /** The row, money in {@code currency}; deals won in other currencies listed apart. */
    PerformanceReport.Row row(String currency, String kind, long id, String name, int depth, Target target) {
        BigDecimal goal = target == null ? null : target.amount();
        BigDecimal wonAmount = wonByCurrency.getOrDefault(currency, BigDecimal.ZERO);
        Map<String, BigDecimal> other = new TreeMap<>(wonByCurrency);
        other.remove(currency);
        return new PerformanceReport.Row(kind, id, name, depth, null, wonAmount.setScale(2, RoundingMode.HALF_UP), wonCount,
                other, goal, target == null ? null : target.wonCount(),
                goal == null ? null : percent(wonAmount, goal), lostCount,
                percent(BigDecimal.valueOf(wonCount), BigDecimal.valueOf(wonCount + lostCount)),
                wonCount == 0 ? null : cycleSeconds.divide(DAY_SECONDS.multiply(BigDecimal.valueOf(wonCount)), 1, RoundingMode.HALF_UP),
                opportunitiesCreated, leadsCreated, leadsConverted,
                percent(BigDecimal.valueOf(leadsConverted), BigDecimal.valueOf(leadsCreated)), new LinkedHashMap<>(activities), activityTotal());
    }

    /** One decimal; null when there is nothing to divide by. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** A period's target: amount in the report currency and count of won deals. */
    record Target(BigDecimal amount, int wonCount) {
        Target plus(Target o) {
            return o == null ? this : new Target(amount.add(o.amount), wonCount + o.wonCount);
        }
    }
}

package dev.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A performance review (业绩考核) over the days [from, to) (company time zone), one row per rep or
 * per department, and the totals of every rep the caller may see.
 * <p>
 * Money is in {@code currency} (the company currency unless asked otherwise): {@code wonAmount},
 * {@code target} and {@code attainment} count only deals and targets in it, since there are no
 * exchange rates; deals won in other currencies are listed as they are in
 * {@code wonOtherCurrencies}, and {@code wonCount}, the win rate and the cycle length count every
 * deal.
 */
public record PerformanceReport(String period, LocalDate from, LocalDate to, String groupBy, String currency, String sort,
                                String dir, List<String> activityTypes, List<Row> rows, Row totals) {

    /**
     * One rep ({@code kind} user), department with everyone below it (department, {@code depth} 0
     * for the company) or the totals (total).
     *
     * @param rank               1 for the most won in {@code currency}; equal amounts share a rank; departments are
     *                           ranked among those of the same depth; null for the totals
     * @param wonCount           deals won in the period (closed_at in it), any currency
     * @param target             the target of the period in {@code currency}: a target of exactly this period, else the
     *                           sum of the coarsest targets (quarters before months) lying wholly in it; for a
     *                           department without one, the sum of its people's; null when there is none
     * @param attainment         won amount in percent of the target, one decimal; null without a target
     * @param winRate            won / (won + lost) of the deals closed in the period, in percent; null when none closed
     * @param averageCycleDays   mean days from creation to win of the deals won in the period; null when none
     * @param leadsConverted     of the leads created in the period, those converted by now
     * @param activities         activities by type (note, call, visit, meeting, task) that occurred in the period
     */
    public record Row(String kind, long id, String name, int depth, Integer rank, BigDecimal wonAmount, long wonCount,
                      Map<String, BigDecimal> wonOtherCurrencies, BigDecimal target, Integer targetWonCount,
                      BigDecimal attainment, long lostCount, BigDecimal winRate, BigDecimal averageCycleDays,
                      long opportunitiesCreated, long leadsCreated, long leadsConverted, BigDecimal leadConversion,
                      Map<String, Long> activities, long activityTotal) {
    }
}

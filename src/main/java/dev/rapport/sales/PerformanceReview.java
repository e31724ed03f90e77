package dev.rapport.sales;

import dev.rapport.activities.ActivityCounts;
import dev.rapport.activities.ActivityType;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.TimeZones;
import dev.rapport.sales.PerformanceTally.Target;
import dev.rapport.sales.query.PerformanceQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance review (业绩考核) of reps and departments over a period: won amount against the
 * target, activities by kind, leads and their conversion, deals opened, won and lost, win rate,
 * cycle length and a ranking. Needs opportunity view. A rep sees only themselves, a manager the
 * people of their data scope, an administrator everyone; a department is shown when all its people
 * are in the caller's scope (as for targets). A rep appears when they have any number or target in
 * the period, and the caller always. Each source is read once, grouped by owner, over the period.
 */
@Service
public class PerformanceReview {

    public static final List<String> SORTS = List.of("rank", "name", "wonAmount", "wonCount", "attainment", "winRate",
            "averageCycleDays", "opportunitiesCreated", "leadsCreated", "leadConversion", "activityTotal");

    private final PerformanceQuery query;
    private final ActivityCounts activities;
    private final UserManagement users;
    private final TimeZones zones;
    private final String defaultCurrency;

    PerformanceReview(PerformanceQuery query, ActivityCounts activities, UserManagement users, TimeZones zones,
                      @Value("${rapport.currency:CNY}") String defaultCurrency) {
        this.query = query;
        this.activities = activities;
        this.users = users;
        this.zones = zones;
        this.defaultCurrency = defaultCurrency;
    }

    /** The review; {@code groupBy} user (default) or department, {@code sort} one of {@link #SORTS}, {@code dir} asc or desc. */
    @Transactional(readOnly = true)
    public PerformanceReport of(CurrentUser user, PerformancePeriod period, String groupBy, String currency, String sort, String dir) {
        user.require("opportunity", "view");
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String by = blank(groupBy) ? "user" : groupBy.trim().toLowerCase(Locale.ROOT);
        if (!by.equals("user") && !by.equals("department")) {
            errors.reject("groupBy", "error.performance.groupBy");
        }
        String cur = blank(currency) ? defaultCurrency : currency.trim().toUpperCase(Locale.ROOT);
        if (!OpportunityRules.isCurrency(cur)) {
            errors.reject("currency", "error.opportunity.currency");
        }
        String order = blank(sort) ? "rank" : sort.trim();
        if (!SORTS.contains(order)) {
            errors.reject("sort", "error.performance.sort", String.join(", ", SORTS));
        }
        String direction = blank(dir) ? (order.equals("rank") || order.equals("name") ? "asc" : "desc") : dir.trim().toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            errors.reject("dir", "error.performance.dir");
        }
        errors.throwIfAny();

        OwnerScope scope = users.scopeOf(user);
        Map<Long, PerformanceTally> tallies = tallies(period, scope.isAll() ? null : scope.owners());
        Map<String, Target> targets = targets(period, cur);
        Set<Long> shown = new HashSet<>(tallies.keySet());
        targets.keySet().stream().filter(k -> k.startsWith("user:")).map(k -> Long.parseLong(k.substring(5)))
                .filter(scope::includes).forEach(shown::add);
        shown.add(user.id());
        Map<Long, UserSummary> people = users.summaries(shown);

        List<PerformanceReport.Row> rows = new ArrayList<>();
        PerformanceTally total = new PerformanceTally();
        Target totalTarget = null;
        for (long id : shown) {
            PerformanceTally t = tallies.getOrDefault(id, new PerformanceTally());
            Target goal = targets.get("user:" + id);
            total.add(t);
            totalTarget = goal == null ? totalTarget : goal.plus(totalTarget);
            if (by.equals("user")) {
                UserSummary u = people.get(id);
                rows.add(t.row(cur, "user", id, u == null ? "#" + id : u.name(), 0, goal));
            }
        }
        if (by.equals("department")) {
            rows.addAll(departments(scope, cur, tallies, targets));
        }
        List<PerformanceReport.Row> ranked = rank(rows);
        ranked.sort(comparator(order, direction));
        List<String> types = Arrays.stream(ActivityType.values()).map(ActivityType::key).toList();
        return new PerformanceReport(period.type(), period.from(), period.to(), by, cur, order, direction, types, ranked,
                total.row(cur, "total", 0, null, 0, totalTarget));
    }

    /**
     * The numbers of the people in {@code scopeOwners} (null: everyone). The queries read every owner's
     * rows of the period and the scope is applied here: with the scope's owners as bound parameters
     * PostgreSQL soon switches to a generic plan that checks each row against the list one by one
     * (a 47-person department's year took 190-240 ms per query instead of 20-60 ms), while the
     * period's rows of all owners are one index range either way.
     */
    private Map<Long, PerformanceTally> tallies(PerformancePeriod period, Set<Long> scopeOwners) {
        ZoneId zone = zones.defaultZone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().atStartOfDay(zone).toInstant();
        Map<Long, PerformanceTally> out = new HashMap<>();
        Function<Long, PerformanceTally> of = id -> out.computeIfAbsent(id, k -> new PerformanceTally());
        for (PerformanceQuery.Closed c : query.closed(from, to)) {
            PerformanceTally t = of.apply(c.ownerId());
            if ("won".equals(c.status())) {
                t.wonCount += c.count();
                t.cycleSeconds = t.cycleSeconds.add(c.cycleSeconds() == null ? BigDecimal.ZERO : c.cycleSeconds());
                t.wonByCurrency.merge(c.currency(), c.amount(), BigDecimal::add);
            } else {
                t.lostCount += c.count();
            }
        }
        for (PerformanceQuery.Created c : query.created(from, to)) {
            of.apply(c.ownerId()).opportunitiesCreated += c.count();
        }
        for (PerformanceQuery.Leads l : query.leads(from, to)) {
            PerformanceTally t = of.apply(l.ownerId());
            t.leadsCreated += l.created();
            t.leadsConverted += l.converted();
        }
        activities.byOwner(period.from(), period.to()).forEach((owner, byType) ->
                byType.forEach((type, n) -> of.apply(owner).activities.merge(type.key(), n, Long::sum)));
        if (scopeOwners != null) {
            out.keySet().retainAll(scopeOwners);
        }
        return out;
    }

    /**
     * Targets per subject ("user:7", "department:3") in the currency: of the kinds whose periods lie
     * wholly in the report's, the coarsest the subject has, summed (a year's target, else its
     * quarters', else its months').
     */
    private Map<String, Target> targets(PerformancePeriod period, String currency) {
        Map<String, Map<TargetPeriod, Target>> bySubject = new HashMap<>();
        for (PerformanceQuery.Target t : query.targets(period.from(), period.to())) {
            TargetPeriod kind = TargetPeriod.of(t.periodType());
            if (kind == null || !t.currency().equals(currency) || kind.end(t.periodStart()).isAfter(period.to())) {
                continue;
            }
            bySubject.computeIfAbsent(t.subjectType() + ":" + t.subjectId(), k -> new HashMap<>())
                    .merge(kind, new Target(t.amount(), t.wonCount()), Target::plus);
        }
        Map<String, Target> out = new HashMap<>();
        bySubject.forEach((subject, byKind) -> {
            for (TargetPeriod kind : List.of(TargetPeriod.YEAR, TargetPeriod.QUARTER, TargetPeriod.MONTH)) {
                if (byKind.containsKey(kind)) {
                    out.put(subject, byKind.get(kind));
                    break;
                }
            }
        });
        return out;
    }

    /** Every department the caller may see, in tree order, with the numbers of everyone in it or below. */
    private List<PerformanceReport.Row> departments(OwnerScope scope, String currency, Map<Long, PerformanceTally> tallies,
                                                    Map<String, Target> targets) {
        List<PerformanceReport.Row> rows = new ArrayList<>();
        for (Map.Entry<Long, String> d : users.departmentChoices().entrySet()) {
            Set<Long> people = users.usersInDepartments(List.of(d.getKey()));
            boolean visible = scope.isAll() || (!people.isEmpty() && scope.owners().containsAll(people));
            if (!visible) {
                continue;
            }
            PerformanceTally sum = new PerformanceTally();
            Target ofPeople = null;
            for (long p : people) {
                PerformanceTally t = tallies.get(p);
                if (t != null) {
                    sum.add(t);
                }
                Target goal = targets.get("user:" + p);
                ofPeople = goal == null ? ofPeople : goal.plus(ofPeople);
            }
            Target own = targets.get("department:" + d.getKey());
            String label = d.getValue();
            int depth = 0;
            while (label.startsWith("\u00a0\u00a0", depth * 2)) {
                depth++;
            }
            rows.add(sum.row(currency, "department", d.getKey(), label.substring(depth * 2).trim(), depth, own != null ? own : ofPeople));
        }
        return rows;
    }

    /** Ranks by won amount, most first; equal amounts share a rank. Departments rank among those of their depth. */
    private static List<PerformanceReport.Row> rank(List<PerformanceReport.Row> rows) {
        List<PerformanceReport.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(PerformanceReport.Row::wonAmount).reversed()
                .thenComparing(PerformanceReport.Row::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(PerformanceReport.Row::id));
        Map<Integer, Integer> seen = new HashMap<>();
        Map<Integer, BigDecimal> lastAmount = new HashMap<>();
        Map<Integer, Integer> lastRank = new HashMap<>();
        List<PerformanceReport.Row> out = new ArrayList<>(sorted.size());
        for (PerformanceReport.Row r : sorted) {
            int position = seen.merge(r.depth(), 1, Integer::sum);
            BigDecimal previous = lastAmount.get(r.depth());
            int rank = previous != null && previous.compareTo(r.wonAmount()) == 0 ? lastRank.get(r.depth()) : position;
            lastAmount.put(r.depth(), r.wonAmount());
            lastRank.put(r.depth(), rank);
            out.add(new PerformanceReport.Row(r.kind(), r.id(), r.name(), r.depth(), rank, r.wonAmount(), r.wonCount(),
                    r.wonOtherCurrencies(), r.target(), r.targetWonCount(), r.attainment(), r.lostCount(), r.winRate(),
                    r.averageCycleDays(), r.opportunitiesCreated(), r.leadsCreated(), r.leadsConverted(), r.leadConversion(),
                    r.activities(), r.activityTotal()));
        }
        return out;
    }

    /** The whitelisted sorts; empty values (no target, nothing closed) last whichever the direction. Under rank, departments go by depth, then rank. */
    private static Comparator<PerformanceReport.Row> comparator(String sort, String dir) {
        Comparator<PerformanceReport.Row> key = switch (sort) {
            case "name" -> Comparator.comparing(PerformanceReport.Row::name, String.CASE_INSENSITIVE_ORDER);
            case "wonAmount" -> Comparator.comparing(PerformanceReport.Row::wonAmount);
            case "wonCount" -> Comparator.comparingLong(PerformanceReport.Row::wonCount);
            case "attainment" -> nullsLast(PerformanceReport.Row::attainment, dir);
            case "winRate" -> nullsLast(PerformanceReport.Row::winRate, dir);
            case "averageCycleDays" -> nullsLast(PerformanceReport.Row::averageCycleDays, dir);
            case "opportunitiesCreated" -> Comparator.comparingLong(PerformanceReport.Row::opportunitiesCreated);
            case "leadsCreated" -> Comparator.comparingLong(PerformanceReport.Row::leadsCreated);
            case "leadConversion" -> nullsLast(PerformanceReport.Row::leadConversion, dir);
            case "activityTotal" -> Comparator.comparingLong(PerformanceReport.Row::activityTotal);
            default -> Comparator.comparingInt(PerformanceReport.Row::depth).thenComparing(PerformanceReport.Row::rank);
        };
        Comparator<PerformanceReport.Row> directed = dir.equals("desc") ? key.reversed() : key;
        return directed.thenComparing(PerformanceReport.Row::rank).thenComparingLong(PerformanceReport.Row::id);
    }

    /** Nulls last in both directions: the comparator is reversed for desc, so nulls go first here then. */
    private static Comparator<PerformanceReport.Row> nullsLast(Function<PerformanceReport.Row, BigDecimal> f, String dir) {
        Comparator<BigDecimal> values = Comparator.naturalOrder();
        return Comparator.comparing(f, dir.equals("desc") ? Comparator.nullsFirst(values) : Comparator.nullsLast(values));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

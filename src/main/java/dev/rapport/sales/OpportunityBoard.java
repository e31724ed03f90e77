package dev.rapport.sales;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.sales.domain.ClosedTotals;
import dev.rapport.sales.query.OpportunityQuery;
import dev.rapport.sales.query.OpportunityQuery.StageTotal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The kanban board of a pipeline (商机看板): a column per stage with its newest cards (a bounded
 * number; more are fetched on demand) and the totals of every opportunity in the column, counted
 * and summed by one grouped query over an index, so a pipeline of 10,000 open opportunities reads
 * only the cards it shows.
 */
@Service
public class OpportunityBoard {

    public static final int CARDS_PER_COLUMN = 20;
    /** Won and lost columns show what was closed in this many days; older deals stay in the list view. */
    public static final int CLOSED_DAYS = 90;

    /** The sum of a column in one currency, and that sum weighted by the stage's win probability. */
    public record CurrencyTotal(String currency, BigDecimal sum, BigDecimal weighted) {
    }

    /** {@code nextBefore} is the id to fetch more cards before, or null when all are shown. */
    public record Column(Stage stage, List<OpportunityDetails> cards, Long nextBefore, long count, List<CurrencyTotal> totals) {
    }

    public record Board(Pipeline pipeline, List<Column> columns) {
    }

    private final OpportunityQuery query;
    private final OpportunityRules rules;

    OpportunityBoard(OpportunityQuery query, OpportunityRules rules) {
        this.query = query;
        this.rules = rules;
    }

    public Board board(CurrentUser user, long pipelineId, OpportunityFilter filter) {
        user.require("opportunity", "view");
        Pipeline pipeline = rules.pipelineOf(pipelineId);
        OwnerScope scope = rules.scope(user);
        LocalDate sinceDay = closedSinceDay();
        Instant since = sinceDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Long, List<StageTotal>> totals = query.totals(pipelineId, filter, scope, sinceDay).stream()
                .collect(Collectors.groupingBy(StageTotal::stageId));
        List<OpportunityDetails> all = new ArrayList<>();
        List<List<OpportunityDetails>> perStage = new ArrayList<>();
        for (Stage s : pipeline.stages()) {
            List<OpportunityDetails> cards = query.column(s.id(), filter, scope, s.isOpen() ? null : since, null, CARDS_PER_COLUMN + 1);
            perStage.add(cards);
            all.addAll(cards.subList(0, Math.min(cards.size(), CARDS_PER_COLUMN)));
        }
        Map<Long, OpportunityDetails> named = rules.named(all).stream().collect(Collectors.toMap(OpportunityDetails::id, o -> o));
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < pipeline.stages().size(); i++) {
            Stage s = pipeline.stages().get(i);
            List<OpportunityDetails> cards = perStage.get(i);
            Long next = cards.size() > CARDS_PER_COLUMN ? cards.get(CARDS_PER_COLUMN - 1).id() : null;
            List<OpportunityDetails> shown = cards.stream().limit(CARDS_PER_COLUMN).map(o -> named.get(o.id())).toList();
            List<StageTotal> t = totals.getOrDefault(s.id(), List.of());
            columns.add(new Column(s, shown, next, t.stream().mapToLong(StageTotal::count).sum(), currencyTotals(s, t)));
        }
        return new Board(pipeline, columns);
    }

    /** More cards of one column, older than {@code beforeId}. */
    public Column more(CurrentUser user, long stageId, OpportunityFilter filter, long beforeId) {
        user.require("opportunity", "view");
        Stage stage = rules.stage(stageId);
        Instant since = stage.isOpen() ? null : closedSinceDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<OpportunityDetails> cards = query.column(stageId, filter, rules.scope(user), since, beforeId, CARDS_PER_COLUMN + 1);
        Long next = cards.size() > CARDS_PER_COLUMN ? cards.get(CARDS_PER_COLUMN - 1).id() : null;
        List<OpportunityDetails> shown = rules.named(cards.stream().limit(CARDS_PER_COLUMN).toList());
        return new Column(null, shown, next, 0, List.of());
    }

    /** Whole UTC days, so the cards and the rollup-based totals cover the same deals. */
    private LocalDate closedSinceDay() {
        return ClosedTotals.dayOf(rules.now()).minusDays(CLOSED_DAYS);
    }

    private static List<CurrencyTotal> currencyTotals(Stage s, List<StageTotal> totals) {
        BigDecimal p = BigDecimal.valueOf(s.probability());
        return totals.stream().sorted(java.util.Comparator.comparing(StageTotal::currency))
                .map(t -> new CurrencyTotal(t.currency(), t.sum(), t.sum().multiply(p).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)))
                .toList();
    }
}

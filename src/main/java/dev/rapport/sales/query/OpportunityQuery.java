package dev.rapport.sales.query;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ChineseNames;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.OpportunityDetails;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.domain.ClosedTotals;
import dev.rapport.sales.domain.OpportunityStore;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opportunity lists and the board's columns and totals: whitelisted filters, keyset paging and
 * capped counts, always within the user's data scope. Values are bound parameters.
 */
@Repository
public class OpportunityQuery {

    public static final int COUNT_CAP = 10_000;

    /** Count and sum of one stage in one currency, over the filtered opportunities. */
    public record StageTotal(long stageId, String currency, long count, BigDecimal sum) {
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private final JdbcClient jdbc;
    private final ClosedTotals closedTotals;

    OpportunityQuery(JdbcClient jdbc, ClosedTotals closedTotals) {
        this.jdbc = jdbc;
        this.closedTotals = closedTotals;
    }

    Where where(OpportunityFilter f, OwnerScope scope) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!scope.isAll()) {
            clauses.add("o.owner_id in (:scopeOwners)");
            params.put("scopeOwners", scope.owners());
        }
        add(clauses, params, "o.pipeline_id = :pipeline", "pipeline", f.pipelineId());
        add(clauses, params, "o.stage_id = :stage", "stage", f.stageId());
        add(clauses, params, "o.status = :status", "status", f.status());
        add(clauses, params, "o.owner_id = :owner", "owner", f.ownerId());
        add(clauses, params, "o.expected_close_date >= :closeFrom", "closeFrom", f.closeFrom() == null ? null : Date.valueOf(f.closeFrom()));
        add(clauses, params, "o.expected_close_date <= :closeTo", "closeTo", f.closeTo() == null ? null : Date.valueOf(f.closeTo()));
        add(clauses, params, "o.amount >= :amountMin", "amountMin", f.amountMin());
        add(clauses, params, "o.amount <= :amountMax", "amountMax", f.amountMax());
        if (f.q() != null) {
            clauses.add(search(f.q(), params));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    public CursorPage<OpportunityDetails> list(OpportunityFilter f, OwnerScope scope, String cursor, int limit) {
        Where w = where(f, scope);
        Map<String, Object> params = new HashMap<>(w.params());
        String sort = f.sort() == null ? "-id" : f.sort();
        boolean asc = !sort.startsWith("-");
        String column = switch (sort.replace("-", "")) {
            case "amount" -> "o.amount";
            case "updated" -> "o.updated_at";
            default -> null;
        };
        String keyset = "";
        if (cursor != null && !cursor.isBlank()) {
            Cursor c = Cursor.decode(cursor);
            params.put("cid", c.id());
            if (column == null) {
                keyset = asc ? "o.id > :cid" : "o.id < :cid";
            } else {
                params.put("cv", sortValue(column, c.sortValue()));
                String op = asc ? ">" : "<";
                keyset = "(" + column + " " + op + " :cv or (" + column + " = :cv and o.id " + op + " :cid))";
            }
        }
        String dir = asc ? " asc" : " desc";
        String order = column == null ? "o.id" + dir : column + dir + ", o.id" + dir;
        String where = w.sql();
        if (!keyset.isEmpty()) {
            where = where.isEmpty() ? " where " + keyset : where + " and " + keyset;
        }
        params.put("limit", limit + 1);
        List<OpportunityDetails> rows = jdbc.sql(OpportunityStore.SELECT + where + " order by " + order + " limit :limit")
                .params(params).query(OpportunityStore::row).list();
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        rows = new ArrayList<>(rows.subList(0, limit));
        OpportunityDetails last = rows.get(limit - 1);
        String value = column == null ? null : column.equals("o.amount") ? last.amount().toPlainString() : last.updatedAt().toString();
        return new CursorPage<>(rows, new Cursor(value, last.id()).encode());
    }

    /** Exact up to {@link #COUNT_CAP}; above it, COUNT_CAP + 1 (the list says "10,000+"). */
    public long count(OpportunityFilter f, OwnerScope scope) {
        Where w = where(f, scope);
        return jdbc.sql("select count(*) from (select 1 from opportunities o" + w.sql() + " limit " + (COUNT_CAP + 1) + ") x")
                .params(w.params()).query(Long.class).single();
    }

    public List<OpportunityDetails> ofCustomer(long customerId, OwnerScope scope, int limit) {
        Where w = where(OpportunityFilter.empty(), scope);
        String where = w.sql().isEmpty() ? " where o.customer_id = :customer" : w.sql() + " and o.customer_id = :customer";
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("customer", customerId);
        params.put("limit", limit);
        return jdbc.sql(OpportunityStore.SELECT + where + " order by o.id desc limit :limit").params(params)
                .query(OpportunityStore::row).list();
    }

    /**
     * One board column: the newest cards of a stage after {@code beforeId}, by the stage index
     * (stage_id, id), so a column of 10,000 cards reads only the cards it shows.
     */
    public List<OpportunityDetails> column(long stageId, OpportunityFilter f, OwnerScope scope, Instant closedSince, Long beforeId,
                                           int limit) {
        Where w = where(f.withPipeline(null), scope);
        Map<String, Object> params = new HashMap<>(w.params());
        String where = (w.sql().isEmpty() ? " where " : w.sql() + " and ") + "o.stage_id = :column";
        params.put("column", stageId);
        if (closedSince != null) {
            where += " and o.closed_at >= :since";
            params.put("since", Timestamp.from(closedSince));
        }
        if (beforeId != null) {
            where += " and o.id < :before";
            params.put("before", beforeId);
        }
        params.put("limit", limit);
        return jdbc.sql(OpportunityStore.SELECT + where + " order by o.stage_id desc, o.id desc limit :limit").params(params)
                .query(OpportunityStore::row).list();
    }

    /**
     * Count and sum per stage and currency of a pipeline's open opportunities and of those closed
     * on or after the UTC day {@code closedSince}. The open ones come from an index-only scan of
     * opportunities_board_open_idx. The closed ones come from the per-day rollup
     * (opportunity_closed_totals) when the filter is only by owner or stage, so the won and lost
     * columns cost days x owners rows rather than one per deal. Other filters read the deals through
     * opportunities_board_closed_idx.
     */
    public List<StageTotal> totals(long pipelineId, OpportunityFilter f, OwnerScope scope, LocalDate closedSince) {
        Where w = where(f.withPipeline(pipelineId), scope);
        Map<String, Object> params = new HashMap<>(w.params());
        String sql = "select o.stage_id, o.currency, count(*) as n, sum(o.amount) as total from opportunities o" + w.sql();
        String open = sql + " and o.status = 'open' group by o.stage_id, o.currency";
        boolean rollup = f.status() == null && f.closeFrom() == null && f.closeTo() == null && f.amountMin() == null
                && f.amountMax() == null && f.q() == null;
        if (!rollup) {
            open += " union all " + sql + " and o.closed_at >= :since group by o.stage_id, o.currency";
            params.put("since", Timestamp.from(closedSince.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        List<StageTotal> totals = new ArrayList<>(jdbc.sql(open)
                .params(params)
                .query((rs, n) -> new StageTotal(rs.getLong("stage_id"), rs.getString("currency"), rs.getLong("n"),
                        rs.getBigDecimal("total")))
                .list());
        if (rollup) {
            closedTotals.totals(pipelineId, closedSince, scope.isAll() ? null : scope.owners(), f.ownerId(), f.stageId())
                    .forEach(t -> totals.add(new StageTotal(t.stageId(), t.currency(), t.count(), t.sum())));
        }
        return totals;
    }

    private static Object sortValue(String column, String raw) {
        try {
            return column.equals("o.amount") ? new BigDecimal(raw) : Timestamp.from(Instant.parse(raw));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "error.cursor.invalid");
        }
    }

    private static void add(List<String> clauses, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
    }

    /**
     * The name search: a substring of search_text (see OpportunitySearchText) for a term of three or
     * more characters or any Chinese one, the start of a word for one or two letters. On PostgreSQL
     * the trigram index on search_text answers it; a two-character Chinese term has no trigram, so
     * it is found through its pinyin (which has) and then kept only where the characters match.
     * On H2 it is a scan, fine for the embedded database's size.
     */
    static String search(String q, Map<String, Object> params) {
        String term = q.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        String escaped = escapeLike(term);
        boolean han = ChineseNames.containsHan(term);
        params.put("q", escaped.length() >= 3 || han ? "%" + escaped + "%" : "% " + escaped + "%");
        if (!han) {
            return "o.search_text like :q escape '\\'";
        }
        params.put("qpy", "%" + escapeLike(ChineseNames.pinyin(term, false)) + "%");
        return "o.search_text like :qpy escape '\\' and o.search_text like :q escape '\\'";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package dev.rapport.customers.query;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomFieldStore;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer lists: whitelisted filters, keyset paging and capped counts, always within the
 * user's data scope. No SQL is built from user text; values are bound parameters.
 */
@Component
public class CustomerQuery {

    public static final int COUNT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final CustomFieldStore fields;
    private final CustomerStore store;
    private final SearchCondition search;
    private final UserManagement users;

    CustomerQuery(JdbcClient jdbc, CustomFieldStore fields, CustomerStore store, SearchCondition search, UserManagement users) {
        this.jdbc = jdbc;
        this.fields = fields;
        this.store = store;
        this.search = search;
        this.users = users;
    }

    /** SQL where-clause and its parameters. */
    record Where(String sql, Map<String, Object> params) {
    }

    Where where(CustomerFilter f, OwnerScope scope) {
        return where(f, scope, false);
    }

    /**
     * {@code scopeAsFilter}: the scope is checked on the rows another index found, never read from
     * the owner index (see {@link #LARGE_SCOPE_OWNERS}).
     */
    Where where(CustomerFilter f, OwnerScope scope, boolean scopeAsFilter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!scope.isAll()) {
            clauses.add(scopeAsFilter ? "c.owner_id + 0 in (:scopeOwners)" : "c.owner_id in (:scopeOwners)");
            params.put("scopeOwners", scope.owners());
        }
        eq(clauses, params, "c.type", "type", f.type());
        if (!f.statuses().isEmpty()) {
            clauses.add("c.status in (:statuses)");
            params.put("statuses", f.statuses());
        }
        eq(clauses, params, "c.tier", "tier", f.tier());
        eq(clauses, params, "c.industry", "industry", f.industry());
        eq(clauses, params, "c.source", "source", f.source());
        eq(clauses, params, "c.province", "province", f.province());
        eq(clauses, params, "c.city", "city", f.city());
        if (f.ownerId() != null) {
            clauses.add("c.owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.tag() != null) {
            // a correlated probe of the (tag, customer) key per candidate: as "id in (select ...)"
            // PostgreSQL hashed all of a common tag's rows (125,000 VIPs) to check a few thousand
            // candidates of a scoped, filtered list (90 ms; this way 35-45 ms)
            clauses.add("exists (select 1 from customer_tags t where t.tag = :tag and t.customer_id = c.id)");
            params.put("tag", f.tag().trim());
        }
        if (f.createdFrom() != null || f.createdTo() != null) {
            // a day starts and ends where the user is, not where the server is
            java.time.ZoneId zone = users.currentZone();
            if (f.createdFrom() != null) {
                clauses.add("c.created_at >= :createdFrom");
                params.put("createdFrom", Timestamp.from(f.createdFrom().atStartOfDay(zone).toInstant()));
            }
            if (f.createdTo() != null) {
                clauses.add("c.created_at < :createdTo");
                params.put("createdTo", Timestamp.from(f.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
            }
        }
        if (f.q() != null) {
            clauses.add(search.sql(f.q(), "customers", "c", scope, params));
        }
        customFieldClauses(f.custom(), "customer", "c", clauses, params);
        String sql = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return new Where(sql, params);
    }

    void customFieldClauses(Map<String, String> custom, String entityType, String alias, List<String> clauses, Map<String, Object> params) {
        if (custom.isEmpty()) {
            return;
        }
        List<CustomFieldDef> defs = fields.of(entityType);
        var errors = new InvalidInputException.Collector();
        int i = 0;
        for (var e : custom.entrySet()) {
            String key = e.getKey();
            String op = "=";
            if (key.endsWith(".min")) {
                key = key.substring(0, key.length() - 4);
                op = ">=";
            } else if (key.endsWith(".max")) {
                key = key.substring(0, key.length() - 4);
                op = "<=";
            }
            String k = key;
            CustomFieldDef def = defs.stream().filter(d -> d.key().equals(k)).findFirst().orElse(null);
            if (def == null) {
                errors.reject("cf." + e.getKey(), "error.customField.unknown");
                continue;
            }
            Object value;
            try {
                value = switch (def.type()) {
                    case NUMBER -> new BigDecimal(e.getValue());
                    case DATE -> Date.valueOf(LocalDate.parse(e.getValue()));
                    case MULTISELECT -> "%," + escapeLike(e.getValue()) + ",%";
                    default -> e.getValue();
                };
            } catch (RuntimeException ex) {
                errors.reject("cf." + e.getKey(), "error.value.invalid");
                continue;
            }
            String cmp = def.type() == CustomFieldDef.FieldType.MULTISELECT ? "like" : op;
            clauses.add("exists (select 1 from custom_field_values v" + i + " where v" + i + ".entity_type = '" + entityType
                    + "' and v" + i + ".entity_id = " + alias + ".id and v" + i + ".field_id = :cff" + i + " and v" + i + "."
                    + def.valueColumn() + " " + cmp + " :cfv" + i + ")");
            params.put("cff" + i, def.id());
            params.put("cfv" + i, value);
            i++;
        }
        errors.throwIfAny();
    }

    /** How many of the newest rows the fast search path looks at before it falls back to the trigram index. */
    static final int SEARCH_WINDOW = 5_000;
    /**
     * How many of the newest rows a filtered list (no search term) looks at first. A filter that
     * matches 5% of the scope finds a page in them; a rarer one is answered by its own index
     * after the probe, and every row the window reads is wasted for it (5,000 full rows of a
     * manager's scope cost about 18 ms, more than the rare filter's whole answer).
     */
    static final int FILTER_WINDOW = 1_000;

    public CursorPage<CustomerRow> list(CustomerFilter f, OwnerScope scope, String cursor, int limit) {
        boolean filtered = f.q() != null || !where(withoutSearch(f), OwnerScope.all()).sql().isEmpty();
        if (f.q() != null && search.inMemory()) {
            // the search term already names the newest matching rows in scope
            return listAll(f, scope, cursor, limit, true);
        }
        if (f.q() != null && search.plannerChooses(f.q())) {
            return listAll(f, scope, cursor, limit, false);
        }
        if (filtered && "-id".equals(f.sort())) {
            CursorPage<CustomerRow> recent = recentWindow(f, scope, cursor, limit);
            if (recent != null) {
                return recent;
            }
            // too few matches among the newest rows: a rare filter is best answered by its own
            // indexes, a common one whose matches are just not among the newest (after an import
            // of another region, say) by walking the newest rows until a page is found
            return listAll(f, scope, cursor, limit, f.q() != null || !common(f, scope));
        }
        return listAll(f, scope, cursor, limit, false);
    }

    /**
     * Newest-first filtered lists and searches look among the newest rows of the user's scope first.
     * A common term or filter ("科技", status=current) matches hundreds of thousands of rows:
     * sorting them all to show the newest 50 is slow, while the newest few thousand rows already
     * hold enough matches. When they do not (a rare term or a combination such as a north-region
     * manager filtering on 广东省), the answer is null here and the caller asks the filter's own
     * indexes (trigram, province, ...). The result is the same either way: every row newer than
     * the window was checked.
     */
    private CursorPage<CustomerRow> recentWindow(CustomerFilter f, OwnerScope scope, String cursor, int limit) {
        Where inner = where(CustomerFilter.empty(), scope);
        Map<String, Object> params = new HashMap<>(inner.params());
        String innerWhere = inner.sql();
        if (cursor != null && !cursor.isBlank()) {
            innerWhere = (innerWhere.isEmpty() ? " where " : innerWhere + " and ") + "c.id < :cid";
            params.put("cid", Cursor.decode(cursor).id());
        }
        Where outer = where(f, OwnerScope.all());
        params.putAll(outer.params());
        params.put("window", f.q() != null ? SEARCH_WINDOW : FILTER_WINDOW);
        params.put("limit", limit + 1);
        // H2 (the embedded database, where search also runs in memory) reads every row of a scoped
        // user's owners to take the newest; from the owner index it takes only their ids
        String window = search.inMemory()
                ? "(select c.id from customers c" + innerWhere + " order by c.id desc limit :window) w join customers c on c.id = w.id"
                : "(select * from customers c" + innerWhere + " order by c.id desc limit :window) c";
        List<CustomerRow> rows = jdbc.sql("""
                        select c.id, c.type, c.name, c.phone, c.email, c.province, c.city, c.industry, c.source, c.tags,
                               c.status, c.tier, c.owner_id, c.created_at, c.updated_at
                        from\s""" + window + outer.sql() + " order by c.id desc limit :limit")
                .params(params).query(CustomerQuery::row).list();
        if (rows.size() <= limit) {
            return null;
        }
        rows = new ArrayList<>(rows.subList(0, limit));
        return new CursorPage<>(decorate(rows), new Cursor(null, rows.get(limit - 1).id()).encode());
    }

    /**
     * A search term answered by the trigram index, in a scope of at least this many owners, checks
     * the scope on the rows the trigram index found instead of reading the owner index too. With
     * some statistics PostgreSQL combines the two (a BitmapAnd): for a sales manager's department
     * at 1,000,000 customers that read 239,562 owner-index entries, 62 ms, for a term the trigram
     * index alone found in 2,301 rows (6 ms). A single rep's scope keeps the owner index, which
     * there saves reading the trigram matches of everybody else.
     */
    static final int LARGE_SCOPE_OWNERS = 5;

    /** {@code viaFilterIndexes}: order by an expression so the planner cannot walk the primary key hoping to meet matches soon. */
    private CursorPage<CustomerRow> listAll(CustomerFilter f, OwnerScope scope, String cursor, int limit, boolean viaFilterIndexes) {
        boolean scopeAsFilter = viaFilterIndexes && f.q() != null && !search.inMemory() && !scope.isAll()
                && scope.owners().size() >= LARGE_SCOPE_OWNERS;
        Where w = where(f, scope, scopeAsFilter);
        Map<String, Object> params = new HashMap<>(w.params());
        String keyset = "";
        Cursor c = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        String order;
        switch (f.sort()) {
            case "id" -> {
                order = "c.id asc";
                if (c != null) {
                    keyset = "c.id > :cid";
                }
            }
            case "name", "-name" -> {
                boolean asc = f.sort().equals("name");
                order = asc ? "c.name asc, c.id asc" : "c.name desc, c.id desc";
                if (c != null) {
                    keyset = asc ? "(c.name > :cv or (c.name = :cv and c.id > :cid))" : "(c.name < :cv or (c.name = :cv and c.id < :cid))";
                    params.put("cv", c.sortValue());
                }
            }
            case "updated", "-updated" -> {
                boolean asc = f.sort().equals("updated");
                order = asc ? "c.updated_at asc, c.id asc" : "c.updated_at desc, c.id desc";
                if (c != null) {
                    keyset = asc ? "(c.updated_at > :cv or (c.updated_at = :cv and c.id > :cid))"
                            : "(c.updated_at < :cv or (c.updated_at = :cv and c.id < :cid))";
                    params.put("cv", Timestamp.from(Instant.parse(c.sortValue())));
                }
            }
            default -> {
                order = viaFilterIndexes ? "c.id + 0 desc" : "c.id desc";
                if (c != null) {
                    keyset = "c.id < :cid";
                }
            }
        }
        if (c != null) {
            params.put("cid", c.id());
        }
        String where = w.sql();
        if (!keyset.isEmpty()) {
            where = where.isEmpty() ? " where " + keyset : where + " and " + keyset;
        }
        params.put("limit", limit + 1);
        // H2 answers a scoped user's newest rows from the owner index by reading every row of the
        // scope and sorting them (25,000 rows of a manager's department: 490 ms at 100,000
        // customers); the page's ids alone come from that index without reading a row (35 ms)
        boolean idsFirst = search.inMemory() && !scope.isAll() && order.startsWith("c.id ");
        String from = idsFirst
                ? "(select c.id from customers c" + where + " order by " + order + " limit :limit) w join customers c on c.id = w.id"
                : "customers c" + where;
        List<CustomerRow> rows = jdbc.sql("""
                        select c.id, c.type, c.name, c.phone, c.email, c.province, c.city, c.industry, c.source, c.tags,
                               c.status, c.tier, c.owner_id, c.created_at, c.updated_at
                        from\s""" + from + " order by " + order + " limit :limit")
                .params(params).query(CustomerQuery::row).list();
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            CustomerRow last = rows.get(limit - 1);
            String sortValue = switch (f.sort()) {
                case "name", "-name" -> last.name();
                case "updated", "-updated" -> last.updatedAt().toString();
                default -> null;
            };
            next = new Cursor(sortValue, last.id()).encode();
        }
        return new CursorPage<>(decorate(rows), next);
    }

    private static CustomerFilter withoutSearch(CustomerFilter f) {
        return new CustomerFilter(f.type(), f.statuses(), f.tier(), f.industry(), f.source(), f.province(), f.city(),
                f.ownerId(), f.tag(), f.createdFrom(), f.createdTo(), null, f.custom(), f.sort());
    }

    /** Streams every matching row (for export) in id order, a page at a time, in bounded memory. */
    public void forEach(CustomerFilter f, OwnerScope scope, Consumer<CustomerRow> consumer) {
        CustomerFilter byId = new CustomerFilter(f.type(), f.statuses(), f.tier(), f.industry(), f.source(), f.province(),
                f.city(), f.ownerId(), f.tag(), f.createdFrom(), f.createdTo(), f.q(), f.custom(), "id");
        String cursor = null;
        do {
            CursorPage<CustomerRow> page = listAll(byId, scope, cursor, 1000, false);
            page.items().forEach(consumer);
            cursor = page.next();
        } while (cursor != null);
    }

    /**
     * How many matches make a filter common enough to find a page by walking the newest rows. The
     * probe only runs when the newest rows held too few matches (a rare filter, or newest rows
     * unlike the rest, e.g. after an import); counting to 5,000 then cost a scoped manager's
     * status+tier filter 115-185 ms on 1,000,000 customers, counting to 500 about a tenth of it,
     * and walking to a page of a filter with 500 matches in a scope of 200,000 rows is still short.
     */
    static final int COMMON = 500;

    /**
     * Whether at least {@value #COMMON} customers in scope match; the limit lets the database stop
     * early, so the probe is cheap for common filters and, through the filter's index, for rare ones.
     */
    private boolean common(CustomerFilter f, OwnerScope scope) {
        Where w = where(f, scope);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("probe", COMMON);
        return jdbc.sql("select count(*) from (select 1 from customers c" + w.sql() + " limit :probe) x")
                .params(params).query(Long.class).single() >= COMMON;
    }

    /** Exact count up to the cap; at the cap the UI shows "10,000+". */
    public long count(CustomerFilter f, OwnerScope scope) {
        Where w = where(f, scope);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("cap", COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from customers c" + w.sql() + " limit :cap) x")
                .params(params).query(Long.class).single();
    }

    List<CustomerRow> decorate(List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<Long> owners = rows.stream().map(CustomerRow::ownerId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, UserSummary> names = users.summaries(owners);
        List<CustomFieldDef> defs = fields.of("customer");
        Map<Long, Map<Long, CustomValue>> custom = defs.isEmpty() ? Map.of()
                : store.customValues("customer", rows.stream().map(CustomerRow::id).toList());
        List<CustomerRow> out = new ArrayList<>(rows.size());
        for (CustomerRow r : rows) {
            Map<String, Object> cf = new LinkedHashMap<>();
            Map<Long, CustomValue> values = custom.getOrDefault(r.id(), Map.of());
            for (CustomFieldDef d : defs) {
                CustomValue v = values.get(d.id());
                cf.put(d.key(), v == null ? null : displayValue(d, v));
            }
            UserSummary owner = names.get(r.ownerId());
            out.add(new CustomerRow(r.id(), r.type(), r.name(), r.phone(), r.email(), r.province(), r.city(), r.industry(),
                    r.source(), r.tags(), r.status(), r.tier(), r.ownerId(), owner == null ? null : owner.name(),
                    r.createdAt(), r.updatedAt(), cf));
        }
        return out;
    }

    public static Object displayValue(CustomFieldDef d, CustomValue v) {
        if (d.type() == CustomFieldDef.FieldType.MULTISELECT && v.text() != null) {
            return CustomerValidator.tagList(v.text());
        }
        if (d.type() == CustomFieldDef.FieldType.BOOLEAN) {
            return Boolean.parseBoolean(v.text());
        }
        return v.display();
    }

    static CustomerRow row(ResultSet rs, int n) throws SQLException {
        return new CustomerRow(rs.getLong("id"), rs.getString("type"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("province"), rs.getString("city"), rs.getString("industry"),
                rs.getString("source"), CustomerValidator.tagList(rs.getString("tags")), rs.getString("status"),
                rs.getString("tier"), rs.getObject("owner_id", Long.class), null, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), Map.of());
    }

    private static void eq(List<String> clauses, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            clauses.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

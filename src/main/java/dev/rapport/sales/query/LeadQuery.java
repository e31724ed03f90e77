package dev.rapport.sales.query;

import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ChineseNames;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.sales.LeadFilter;
import dev.rapport.sales.LeadRow;
import dev.rapport.sales.domain.LeadStore;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lead list: newest first, keyset paging on id (indexes leads_owner_idx, leads_status_idx), counts
 * capped at {@link #COUNT_CAP}. A search term matches the search text as on customers: a substring
 * for 3+ characters (trigram index on PostgreSQL), a word prefix for 1–2 (initials such as "zs"),
 * and Chinese terms through their pinyin too.
 */
@Component
public class LeadQuery {

    public static final long COUNT_CAP = 10_000;

    private final JdbcClient jdbc;
    private final UserManagement users;

    LeadQuery(JdbcClient jdbc, UserManagement users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public CursorPage<LeadRow> list(LeadFilter f, OwnerScope scope, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = conditions(f, scope, params);
        if (cursor != null && !cursor.isBlank()) {
            where.add("l.id < :after");
            params.put("after", Cursor.decode(cursor).id());
        }
        params.put("limit", limit + 1);
        List<LeadRow> rows = jdbc.sql("select " + LeadStore.ROW_COLUMNS + " from leads l" + whereClause(where)
                + " order by l.id desc limit :limit").params(params).query(LeadStore::row).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor("", rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(rows, next);
    }

    /** Matching leads, exact up to {@link #COUNT_CAP} and {@code COUNT_CAP + 1} above it. */
    public long count(LeadFilter f, OwnerScope scope) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = conditions(f, scope, params);
        params.put("cap", COUNT_CAP + 1);
        return jdbc.sql("select count(*) from (select 1 from leads l" + whereClause(where) + " limit :cap) x")
                .params(params).query(Long.class).single();
    }

    private List<String> conditions(LeadFilter f, OwnerScope scope, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (!scope.isAll()) {
            where.add("l.owner_id in (:owners)");
            params.put("owners", scope.owners());
        }
        if (!f.statuses().isEmpty()) {
            where.add("l.status in (:statuses)");
            params.put("statuses", f.statuses());
        }
        if (f.source() != null) {
            where.add("l.source = :source");
            params.put("source", f.source());
        }
        if (f.ownerId() != null) {
            where.add("l.owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.createdFrom() != null || f.createdTo() != null) {
            // a day starts and ends where the user is, not where the server is
            ZoneId zone = users.currentZone();
            if (f.createdFrom() != null) {
                where.add("l.created_at >= :createdFrom");
                params.put("createdFrom", Timestamp.from(f.createdFrom().atStartOfDay(zone).toInstant()));
            }
            if (f.createdTo() != null) {
                where.add("l.created_at < :createdTo");
                params.put("createdTo", Timestamp.from(f.createdTo().plusDays(1).atStartOfDay(zone).toInstant()));
            }
        }
        if (f.q() != null) {
            where.add(search(f.q(), params));
        }
        return where;
    }

    private static String search(String q, Map<String, Object> params) {
        String term = q.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String digits = term.replaceAll("[\\s\\-()+]", "");
        if (digits.matches("\\d{3,}")) {
            // a phone number typed with spaces or dashes is stored as digits
            term = digits;
        }
        String escaped = escapeLike(term);
        boolean han = ChineseNames.containsHan(term);
        params.put("q", escaped.length() >= 3 || han ? "%" + escaped + "%" : "% " + escaped + "%");
        if (!han) {
            return "l.search_text like :q escape '\\'";
        }
        params.put("qpy1", "%" + escapeLike(ChineseNames.pinyin(term, true)) + "%");
        params.put("qpy2", "%" + escapeLike(ChineseNames.pinyin(term, false)) + "%");
        return "(l.search_text like :qpy1 escape '\\' or l.search_text like :qpy2 escape '\\') and l.search_text like :q escape '\\'";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }
}

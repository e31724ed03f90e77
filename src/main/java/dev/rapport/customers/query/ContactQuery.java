package dev.rapport.customers.query;

import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contact lists and search, keyset-paged, within the user's data scope. */
@Component
public class ContactQuery {

    public record ContactRow(long id, Long customerId, String customerName, String name, String title, String phone,
                             String email, long ownerId, String ownerName) {
    }

    private final JdbcClient jdbc;
    private final CustomerQuery customers;
    private final SearchCondition search;
    private final UserManagement users;

    ContactQuery(JdbcClient jdbc, CustomerQuery customers, SearchCondition search, UserManagement users) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.search = search;
        this.users = users;
    }

    public CursorPage<ContactRow> list(String q, Long customerId, Long ownerId, Map<String, String> custom, OwnerScope scope,
                                       String cursor, int limit) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!scope.isAll()) {
            clauses.add("k.owner_id in (:scopeOwners)");
            params.put("scopeOwners", scope.owners());
        }
        boolean searching = q != null && !q.isBlank();
        String condition = searching ? search.sql(q, "contacts", "k", scope, params) : null;
        if (customerId != null) {
            clauses.add("k.customer_id = :customer");
            params.put("customer", customerId);
        }
        if (ownerId != null) {
            clauses.add("k.owner_id = :owner");
            params.put("owner", ownerId);
        }
        customers.customFieldClauses(custom == null ? Map.of() : custom, "contact", "k", clauses, params);
        if (cursor != null && !cursor.isBlank()) {
            clauses.add("k.id < :cid");
            params.put("cid", Cursor.decode(cursor).id());
        }
        params.put("limit", limit + 1);
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        List<ContactRow> rows = null;
        if (searching && (search.inMemory() || search.plannerChooses(q))) {
            rows = query("contacts k", (where.isEmpty() ? " where " : where + " and ") + condition, params);
        } else if (searching) {
            // as for customers: look among the newest rows first, fall back to the trigram index for rare terms
            params.put("window", CustomerQuery.SEARCH_WINDOW);
            rows = query("(select * from contacts k" + where + " order by k.id desc limit :window) k", " where " + condition, params);
            if (rows.size() <= limit) {
                rows = query("contacts k", (where.isEmpty() ? " where " : where + " and ") + condition, params);
            }
        } else {
            rows = query("contacts k", where, params);
        }
        String next = null;
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit));
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        Map<Long, UserSummary> owners = users.summaries(rows.stream().map(ContactRow::ownerId).collect(Collectors.toSet()));
        List<ContactRow> named = rows.stream().map(r -> new ContactRow(r.id(), r.customerId(), r.customerName(), r.name(),
                r.title(), r.phone(), r.email(), r.ownerId(),
                owners.containsKey(r.ownerId()) ? owners.get(r.ownerId()).name() : null)).toList();
        return new CursorPage<>(named, next);
    }

    private List<ContactRow> query(String from, String where, Map<String, Object> params) {
        // the page first, then its customers' names: joined before the limit, a common name's
        // thousands of matches each looked up their customer only to be sorted away
        return jdbc.sql("select k.id, k.customer_id, c.name as customer_name, k.name, k.title, k.phone, k.email, k.owner_id from "
                        + "(select k.id, k.customer_id, k.name, k.title, k.phone, k.email, k.owner_id from " + from + where
                        + " order by k.id desc limit :limit) k left join customers c on c.id = k.customer_id order by k.id desc")
                .params(params)
                .query((rs, n) -> new ContactRow(rs.getLong("id"), rs.getObject("customer_id", Long.class),
                        rs.getString("customer_name"), rs.getString("name"), rs.getString("title"), rs.getString("phone"),
                        rs.getString("email"), rs.getLong("owner_id"), null))
                .list();
    }
}

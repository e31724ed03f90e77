package dev.rapport.customers.domain;

import dev.rapport.identity.OwnerScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds customers sharing a normalized phone, e-mail, credit code or folded name, within a scope. */
@Repository
public class DuplicateStore {

    /** The columns a duplicate can match on, by the name used in the UI and API. */
    public static final Map<String, String> KEYS = Map.of("phone", "phone_normalized", "email", "email_normalized",
            "creditCode", "credit_code", "name", "name_key");

    public record Match(long id, String name, String phone, String email, long ownerId, String reason) {
    }

    public record Group(String kind, String key, long size) {
    }

    private final JdbcClient jdbc;

    public DuplicateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Match> similar(String phoneN, String emailN, String creditCode, String nameKey, Long excludeId, OwnerScope scope) {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("creditCode", creditCode);
        probes.put("phone", phoneN);
        probes.put("email", emailN);
        probes.put("name", nameKey == null || nameKey.length() < 2 ? null : nameKey);
        List<String> ors = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        probes.forEach((kind, value) -> {
            if (value != null) {
                ors.add(KEYS.get(kind) + " = :" + kind);
                params.put(kind, value);
            }
        });
        if (ors.isEmpty()) {
            return List.of();
        }
        // one query: the planner ORs the four indexes together
        String sql = "select id, name, phone, email, owner_id, phone_normalized, email_normalized, credit_code, name_key "
                + "from customers where (" + String.join(" or ", ors) + ")";
        if (excludeId != null) {
            sql += " and id <> :exclude";
            params.put("exclude", excludeId);
        }
        if (!scope.isAll()) {
            sql += " and owner_id in (:owners)";
            params.put("owners", scope.owners());
        }
        params.put("limit", 20);
        return jdbc.sql(sql + " order by id limit :limit").params(params)
                .query((rs, n) -> {
                    String reason = creditCode != null && creditCode.equals(rs.getString("credit_code")) ? "creditCode"
                            : phoneN != null && phoneN.equals(rs.getString("phone_normalized")) ? "phone"
                            : emailN != null && emailN.equals(rs.getString("email_normalized")) ? "email" : "name";
                    return new Match(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("email"),
                            rs.getLong("owner_id"), reason);
                })
                .list();
    }

    public List<Match> byKey(String kind, String value, OwnerScope scope, int limit) {
        String column = KEYS.get(kind);
        Map<String, Object> params = new HashMap<>();
        params.put("v", value);
        params.put("limit", limit);
        String scopeSql = "";
        if (!scope.isAll()) {
            scopeSql = " and owner_id in (:owners)";
            params.put("owners", scope.owners());
        }
        return jdbc.sql("select id, name, phone, email, owner_id from customers where " + column + " = :v" + scopeSql
                        + " order by id limit :limit")
                .params(params)
                .query((rs, n) -> new Match(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("email"),
                        rs.getLong("owner_id"), kind))
                .list();
    }

    /** Groups of two or more customers sharing a key, ordered by key, after {@code afterKey}. */
    public List<Group> groups(String kind, String afterKey, OwnerScope scope, int limit) {
        String column = KEYS.get(kind);
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterKey == null ? "" : afterKey);
        params.put("limit", limit);
        String scopeSql = "";
        if (!scope.isAll()) {
            scopeSql = " and owner_id in (:owners)";
            params.put("owners", scope.owners());
        }
        return jdbc.sql("select " + column + " as k, count(*) as n from customers where " + column + " is not null and "
                        + column + " > :after and " + column + " <> ''" + scopeSql
                        + " group by " + column + " having count(*) > 1 order by " + column + " limit :limit")
                .params(params)
                .query((rs, n) -> new Group(kind, rs.getString("k"), rs.getLong("n")))
                .list();
    }

    public static boolean isKind(String kind) {
        return kind != null && KEYS.containsKey(kind);
    }

    public static Set<String> kinds() {
        return KEYS.keySet();
    }
}

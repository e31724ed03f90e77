package dev.rapport.customers.importing;

import dev.rapport.identity.OwnerScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the existing records a batch of rows matches: one IN query per match key per batch, so
 * checking a million rows costs a thousand small indexed queries, not a million.
 */
@Component
class MatchFinder {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MatchFinder(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Existing records by key and normalized value. {@code table} is "customers" or "contacts",
     * never user text. The values go as one array parameter, so a batch of thousands is one short
     * statement the database parses once, not thousands of placeholders.
     */
    Map<MatchKey, Map<String, MatchedRecord>> find(String table, Map<MatchKey, Set<String>> values) {
        Map<MatchKey, Map<String, MatchedRecord>> out = new EnumMap<>(MatchKey.class);
        values.forEach((key, vals) -> {
            Map<String, MatchedRecord> found = new HashMap<>();
            if (!vals.isEmpty()) {
                template.query(con -> {
                    PreparedStatement ps = con.prepareStatement("select id, owner_id, " + key.column() + " from " + table
                            + " where " + key.column() + " = any (?) order by id");
                    ps.setArray(1, con.createArrayOf("varchar", vals.toArray()));
                    return ps;
                }, (ResultSet rs) -> {
                    found.putIfAbsent(rs.getString(3), new MatchedRecord(rs.getLong(1), rs.getLong(2)));
                });
            }
            out.put(key, found);
        });
        return out;
    }

    /** Records given by our own id (the rapportId column of an export). */
    Map<Long, MatchedRecord> byIds(String table, Collection<Long> ids) {
        Map<Long, MatchedRecord> out = new HashMap<>();
        if (!ids.isEmpty()) {
            template.query(con -> {
                PreparedStatement ps = con.prepareStatement("select id, owner_id from " + table + " where id = any (?)");
                ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
                return ps;
            }, (ResultSet rs) -> {
                out.put(rs.getLong(1), new MatchedRecord(rs.getLong(1), rs.getLong(2)));
            });
        }
        return out;
    }

    /** Organizations the user may see, by exact name (the lowest id wins when names repeat). */
    Map<String, Long> organizationsByName(Collection<String> names, OwnerScope scope) {
        Map<String, Long> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, name, owner_id from customers where type = 'organization' and name in (:names) order by id")
                .param("names", names)
                .query(rs -> {
                    if (scope.includes(rs.getLong("owner_id"))) {
                        out.putIfAbsent(rs.getString("name"), rs.getLong("id"));
                    }
                });
        return out;
    }

    /** The look-ups of one of our tables ("customers" or "contacts", never user text). */
    MatchLookup on(String table) {
        return new MatchLookup() {
            @Override
            public Map<MatchKey, Map<String, MatchedRecord>> find(Map<MatchKey, Set<String>> values) {
                return MatchFinder.this.find(table, values);
            }

            @Override
            public Map<Long, MatchedRecord> byIds(Collection<Long> ids) {
                return MatchFinder.this.byIds(table, ids);
            }
        };
    }

    static List<MatchKey> keysFor(RecordType type, MatchKey matchOn) {
        if (matchOn != null) {
            return List.of(matchOn);
        }
        return type == RecordType.CUSTOMERS ? List.of(MatchKey.values())
                : List.of(MatchKey.EMAIL, MatchKey.PHONE, MatchKey.EXTERNAL_ID);
    }
}

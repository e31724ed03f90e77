package dev.rapport.customers.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's saved list views: a name, the filter query string and the chosen columns. */
@Repository
public class SavedViewStore {

    public record SavedView(long id, String name, String query, String columns) {
    }

    private final JdbcClient jdbc;

    public SavedViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedView> of(long userId, String entity) {
        return jdbc.sql("select id, name, query, columns from saved_views where user_id = :u and entity_type = :e order by name")
                .param("u", userId).param("e", entity)
                .query((rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    public long save(long userId, String entity, String name, String query, String columns, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into saved_views (user_id, entity_type, name, query, columns, created_at) values (:u, :e, :n, :q, :c, :now)")
                .param("u", userId).param("e", entity).param("n", name).param("q", query).param("c", columns)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean delete(long userId, long id) {
        return jdbc.sql("delete from saved_views where id = :id and user_id = :u").param("id", id).param("u", userId).update() == 1;
    }
}

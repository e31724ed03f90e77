package dev.rapport.customers.domain;

import dev.rapport.platform.CacheGenerations;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Custom field definitions. Every form, list and create reads them, so the node keeps them in
 * memory and reads them again when the {@code custom-fields} counter of {@link CacheGenerations}
 * moves; each write moves it first.
 */
@Repository
public class CustomFieldStore {

    private static final String KIND = "custom-fields";

    private final JdbcClient jdbc;
    private final CacheGenerations generations;
    private final CacheGenerations.Cached<List<CustomFieldDef>> cached;

    public CustomFieldStore(JdbcClient jdbc, CacheGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.cached = generations.cache(KIND, () -> List.copyOf(read()));
    }

    public List<CustomFieldDef> all() {
        return cached.get();
    }

    private List<CustomFieldDef> read() {
        return jdbc.sql("select id, entity_type, field_key, label, field_type, options, position, version from custom_fields order by entity_type, position, id")
                .query((rs, n) -> new CustomFieldDef(rs.getLong("id"), rs.getString("entity_type"), rs.getString("field_key"),
                        rs.getString("label"), CustomFieldDef.FieldType.valueOf(rs.getString("field_type")),
                        rs.getString("options") == null ? List.of() : Arrays.stream(rs.getString("options").split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                        rs.getInt("position"), rs.getLong("version")))
                .list();
    }

    public List<CustomFieldDef> of(String entityType) {
        return all().stream().filter(f -> f.entityType().equals(entityType)).toList();
    }

    public long insert(String entityType, String key, String label, CustomFieldDef.FieldType type, List<String> options) {
        generations.bump(KIND);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from custom_fields where entity_type = :t")
                .param("t", entityType).query(Integer.class).single();
        jdbc.sql("insert into custom_fields (entity_type, field_key, label, field_type, options, position, version) values (:t, :k, :l, :ft, :o, :p, 0)")
                .param("t", entityType).param("k", key).param("l", label).param("ft", type.name())
                .param("o", options == null || options.isEmpty() ? null : String.join("\n", options)).param("p", position)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void delete(long id) {
        generations.bump(KIND);
        jdbc.sql("delete from custom_field_values where field_id = :id").param("id", id).update();
        jdbc.sql("delete from custom_fields where id = :id").param("id", id).update();
    }
}

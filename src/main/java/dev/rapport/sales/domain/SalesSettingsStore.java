package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sales settings an administrator edits, read from the database on each use so every node sees a change at once. */
@Repository
public class SalesSettingsStore {

    public record Setting(String value, long version) {
    }

    private final JdbcClient jdbc;

    public SalesSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Setting> get(String key) {
        return jdbc.sql("select setting_value, version from sales_settings where setting_key = :k").param("k", key)
                .query((rs, n) -> new Setting(rs.getString(1), rs.getLong(2))).optional();
    }

    public void put(String key, long version, String value) {
        int n = jdbc.sql("update sales_settings set setting_value = :val, version = version + 1 where setting_key = :k and version = :v")
                .param("val", value).param("k", key).param("v", version).update();
        if (n == 0) {
            throw new StaleVersionException("setting", get(key).map(Setting::version).orElse(-1L));
        }
    }
}

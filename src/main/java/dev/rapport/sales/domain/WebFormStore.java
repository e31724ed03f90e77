package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.WebForm;
import dev.rapport.sales.WebFormInput;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class WebFormStore {

    private static final String SELECT = """
            select id, form_key, title, fields, thank_you, default_source, owner_id, active, require_token, created_by, version
            from lead_web_forms""";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    WebFormStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<WebForm> all() {
        return jdbc.sql(SELECT + " order by form_key").query(WebFormStore::row).list();
    }

    public Optional<WebForm> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(WebFormStore::row).optional();
    }

    public Optional<WebForm> byKey(String key) {
        return jdbc.sql(SELECT + " where form_key = :k").param("k", key).query(WebFormStore::row).optional();
    }

    /** The secret the form's tokens are signed with; kept in the database so every node checks the same way. */
    public String signingKey(long id) {
        return jdbc.sql("select signing_key from lead_web_forms where id = :id").param("id", id).query(String.class).single();
    }

    public long insert(WebFormInput in, long createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into lead_web_forms (form_key, title, fields, thank_you, default_source, owner_id, active, signing_key,
                    require_token, created_by, version, created_at, updated_at)
                values (:key, :title, :fields, :thanks, :source, :owner, :active, :secret, :token, :by, 0, :now, :now)""")
                .params(params(in)).param("secret", HexFormat.of().formatHex(secret)).param("by", createdBy).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, long expectedVersion, WebFormInput in) {
        int n = jdbc.sql("""
                update lead_web_forms set form_key = :key, title = :title, fields = :fields, thank_you = :thanks,
                    default_source = :source, owner_id = :owner, active = :active, require_token = :token,
                    version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .params(params(in)).param("now", Timestamp.from(clock.instant())).param("id", id).param("v", expectedVersion)
                .update();
        if (n == 0) {
            throw new StaleVersionException("webForm", find(id).map(WebForm::version).orElse(-1L));
        }
    }

    public void delete(long id) {
        jdbc.sql("delete from lead_form_hits where form_id = :id").param("id", id).update();
        jdbc.sql("delete from lead_web_forms where id = :id").param("id", id).update();
    }

    private static Map<String, Object> params(WebFormInput in) {
        var m = new java.util.HashMap<String, Object>();
        m.put("key", in.key().trim());
        m.put("title", in.title().trim());
        m.put("fields", String.join(",", in.fields() == null ? List.of() : in.fields()));
        m.put("thanks", in.thankYou() == null ? "" : in.thankYou().trim());
        m.put("source", in.defaultSource() == null || in.defaultSource().isBlank() ? null : in.defaultSource().trim());
        m.put("owner", in.ownerId());
        m.put("active", in.active() == null || in.active());
        m.put("token", in.requireToken() == null || in.requireToken());
        return m;
    }

    static WebForm row(ResultSet rs, int n) throws SQLException {
        String fields = rs.getString("fields");
        return new WebForm(rs.getLong("id"), rs.getString("form_key"), rs.getString("title"),
                fields == null || fields.isBlank() ? List.of() : Arrays.asList(fields.split(",")), rs.getString("thank_you"),
                rs.getString("default_source"), rs.getObject("owner_id", Long.class), rs.getBoolean("active"),
                rs.getBoolean("require_token"), rs.getLong("created_by"), rs.getLong("version"));
    }
}

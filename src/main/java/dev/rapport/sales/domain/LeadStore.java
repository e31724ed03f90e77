package dev.rapport.sales.domain;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.LeadDetails;
import dev.rapport.sales.LeadRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.rapport.platform.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The leads table. Times come from the injected clock; every change bumps the version. */
@Repository
public class LeadStore {

    static final String SELECT = """
            select id, company, name, title, phone, phone_normalized, email, source, industry, province, city, description,
                   status, rating, score, unqualified_reason, owner_id, customer_id, contact_id, opportunity_id, converted_at,
                   assigned_rule_id, web_form_id, version, created_at, updated_at, external_id, pool_id, owned_since,
                   last_activity_at
            from leads""";
    public static final String ROW_COLUMNS = "l.id, l.company, l.name, l.phone, l.email, l.source, l.status, l.owner_id, l.created_at";

    private static final List<String> IMPORT_COLUMNS = List.of("company", "name", "title", "phone", "phone_normalized", "email",
            "source", "industry", "province", "city", "description", "status", "rating", "score", "owner_id", "search_text",
            "assigned_rule_id", "external_id", "created_by", "version", "created_at", "updated_at", "owned_since");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BulkInsert bulk;
    private final JdbcTemplate template;

    LeadStore(JdbcClient jdbc, Clock clock, BulkInsert bulk, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bulk = bulk;
        this.template = template;
    }

    /** A lead to insert in bulk: its fields, owner, the rule that chose the owner (or null) and external id. */
    public record NewLead(ValidLead lead, long ownerId, Long ruleId, String externalId) {
    }

    /** Inserts many new leads at once (COPY on PostgreSQL, JDBC batches elsewhere); answers their ids in order. */
    public List<Long> insertAll(List<NewLead> leads, long createdBy) {
        Timestamp now = ts(now());
        List<Object[]> rows = new java.util.ArrayList<>(leads.size());
        for (NewLead n : leads) {
            ValidLead v = n.lead();
            rows.add(new Object[] {v.company(), v.name(), v.title(), v.phone(), v.phoneNormalized(), v.email(), v.source(),
                    v.industry(), v.province(), v.city(), v.description(), "new", v.rating(), v.score(), n.ownerId(),
                    v.searchText(), n.ruleId(), n.externalId(), createdBy, 0L, now.toInstant(), now.toInstant(), now.toInstant()});
        }
        return bulk.insert("leads", IMPORT_COLUMNS, rows);
    }

    /** Sets the external id a lead is known by in another system (kept apart from the form's fields). */
    public void setExternalId(long id, String externalId) {
        jdbc.sql("update leads set external_id = :x where id = :id").param("x", externalId).param("id", id).update();
    }

    /**
     * Leads by a match column's values ("email", "phone_normalized" or "external_id", never user
     * text): value → (id, owner or 0 for none), the lowest id per value. The values go as one array
     * parameter, so a batch of thousands is one short statement.
     */
    public Map<String, long[]> matching(String column, Collection<String> values) {
        Map<String, long[]> out = new java.util.HashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        template.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement("select id, owner_id, " + column + " from leads where " + column
                    + " = any (?) order by id");
            ps.setArray(1, con.createArrayOf("varchar", values.toArray()));
            return ps;
        }, (ResultSet rs) -> {
            out.putIfAbsent(rs.getString(3), new long[] {rs.getLong(1), rs.getLong(2)});
        });
        return out;
    }

    /** Id → owner (0 for none) of the leads among the ids. */
    public Map<Long, Long> owners(Collection<Long> ids) {
        Map<Long, Long> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            template.query(con -> {
                java.sql.PreparedStatement ps = con.prepareStatement("select id, owner_id from leads where id = any (?)");
                ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
                return ps;
            }, (ResultSet rs) -> {
                out.put(rs.getLong(1), rs.getLong(2));
            });
        }
        return out;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public long insert(ValidLead v, long ownerId, String status, Long ruleId, Long formId, long createdBy) {
        Instant now = now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into leads (company, name, title, phone, phone_normalized, email, source, industry, province, city,
                    description, status, rating, score, owner_id, search_text, assigned_rule_id, web_form_id, created_by,
                    version, created_at, updated_at, owned_since)
                values (:company, :name, :title, :phone, :phoneN, :email, :source, :industry, :province, :city,
                    :description, :status, :rating, :score, :owner, :search, :rule, :form, :by, 0, :now, :now, :now)""")
                .params(fields(v)).param("status", status).param("owner", ownerId).param("rule", ruleId)
                .param("form", formId).param("by", createdBy).param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, long expectedVersion, ValidLead v, Long ownerId) {
        int n = jdbc.sql("""
                update leads set company = :company, name = :name, title = :title, phone = :phone, phone_normalized = :phoneN,
                    email = :email, source = :source, industry = :industry, province = :province, city = :city,
                    description = :description, rating = :rating, score = :score, owner_id = :owner, search_text = :search,
                    version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .params(fields(v)).param("owner", ownerId).param("now", ts(now())).param("id", id).param("v", expectedVersion)
                .update();
        stale(n, id);
    }

    public void setStatus(long id, long expectedVersion, String status, String reason) {
        int n = jdbc.sql("""
                update leads set status = :s, unqualified_reason = :r, version = version + 1, updated_at = :now
                where id = :id and version = :v and status <> 'converted'""")
                .param("s", status).param("r", reason).param("now", ts(now())).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    public void setStatusAll(List<Long> ids, String status) {
        jdbc.sql("update leads set status = :s, version = version + 1, updated_at = :now where id in (:ids) and status <> 'converted'")
                .param("s", status).param("now", ts(now())).param("ids", ids).update();
    }

    public void setOwner(List<Long> ids, long ownerId) {
        Timestamp now = ts(now());
        jdbc.sql("update leads set owner_id = :o, owned_since = :now, version = version + 1, updated_at = :now where id in (:ids)")
                .param("o", ownerId).param("now", now).param("ids", ids).update();
    }

    /** Keeps the latest follow-up of a lead (one logged late does not move the clock back). */
    public void recordFollowUp(long id, Instant at) {
        jdbc.sql("update leads set last_activity_at = :at where id = :id and (last_activity_at is null or last_activity_at < :at)")
                .param("at", ts(at)).param("id", id).update();
    }

    /** The lead's owner changed: the pool's follow-up clock starts again for the new owner. */
    public void restartOwnership(long id) {
        jdbc.sql("update leads set owned_since = :now where id = :id").param("now", ts(now())).param("id", id).update();
    }

    /** Marks the lead converted; refuses (stale) a lead converted or changed since it was read. */
    public void markConverted(long id, long expectedVersion, long customerId, Long contactId, Long opportunityId, long by) {
        Instant now = now();
        int n = jdbc.sql("""
                update leads set status = 'converted', customer_id = :c, contact_id = :k, opportunity_id = :o,
                    converted_at = :now, converted_by = :by, version = version + 1, updated_at = :now
                where id = :id and version = :v and status <> 'converted'""")
                .param("c", customerId).param("k", contactId).param("o", opportunityId).param("now", ts(now))
                .param("by", by).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    public List<Long> idsOwnedBy(long ownerId) {
        return jdbc.sql("select id from leads where owner_id = :o").param("o", ownerId).query(Long.class).list();
    }

    public void delete(long id) {
        jdbc.sql("delete from leads where id = :id").param("id", id).update();
    }

    public Optional<LeadDetails> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(LeadStore::details).optional();
    }

    public List<LeadDetails> findAll(Collection<Long> ids) {
        return jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(LeadStore::details).list();
    }

    /** Other leads the user may see with the same phone or e-mail, newest first. */
    public List<LeadRow> sameContact(String phoneN, String email, Long excludeId, OwnerScope scope) {
        if (phoneN == null && email == null) {
            return List.of();
        }
        String scoped = scope.isAll() ? "" : " and l.owner_id in (:owners)";
        var spec = jdbc.sql("select " + ROW_COLUMNS + " from leads l where (l.phone_normalized = :p or l.email = :e)"
                        + " and l.id <> :x" + scoped + " order by l.id desc limit 10")
                .param("p", phoneN == null ? "-" : phoneN).param("e", email == null ? "-" : email)
                .param("x", excludeId == null ? -1L : excludeId);
        if (!scope.isAll()) {
            spec = spec.param("owners", scope.owners());
        }
        return spec.query(LeadStore::row).list();
    }

    /** Open (new or working) leads per user, for load-balanced assignment. */
    public Map<Long, Long> openCounts(Collection<Long> ownerIds) {
        return jdbc.sql("select owner_id, count(*) from leads where owner_id in (:o) and status in ('new', 'working') group by owner_id")
                .param("o", ownerIds).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void stale(int updated, long id) {
        if (updated == 0) {
            throw new StaleVersionException("lead", find(id).map(LeadDetails::version).orElse(-1L));
        }
    }

    private static Map<String, Object> fields(ValidLead v) {
        var m = new java.util.HashMap<String, Object>();
        m.put("company", v.company());
        m.put("name", v.name());
        m.put("title", v.title());
        m.put("phone", v.phone());
        m.put("phoneN", v.phoneNormalized());
        m.put("email", v.email());
        m.put("source", v.source());
        m.put("industry", v.industry());
        m.put("province", v.province());
        m.put("city", v.city());
        m.put("description", v.description());
        m.put("rating", v.rating());
        m.put("score", v.score());
        m.put("search", v.searchText());
        return m;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant inst(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static LeadRow row(ResultSet rs, int n) throws SQLException {
        return new LeadRow(rs.getLong("id"), rs.getString("company"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("source"), rs.getString("status"), rs.getObject("owner_id", Long.class), null,
                inst(rs.getTimestamp("created_at")));
    }

    static LeadDetails details(ResultSet rs, int n) throws SQLException {
        return new LeadDetails(rs.getLong("id"), rs.getString("company"), rs.getString("name"), rs.getString("title"),
                rs.getString("phone"), rs.getString("phone_normalized"), rs.getString("email"), rs.getString("source"),
                rs.getString("industry"), rs.getString("province"), rs.getString("city"), rs.getString("description"),
                rs.getString("status"), rs.getString("rating"), rs.getObject("score", Integer.class),
                rs.getString("unqualified_reason"), rs.getObject("owner_id", Long.class), null, rs.getObject("customer_id", Long.class),
                rs.getObject("contact_id", Long.class), rs.getObject("opportunity_id", Long.class),
                inst(rs.getTimestamp("converted_at")), rs.getObject("assigned_rule_id", Long.class),
                rs.getObject("web_form_id", Long.class), rs.getLong("version"), inst(rs.getTimestamp("created_at")),
                inst(rs.getTimestamp("updated_at")), rs.getString("external_id"), rs.getObject("pool_id", Long.class),
                inst(rs.getTimestamp("owned_since")), inst(rs.getTimestamp("last_activity_at")));
    }
}

package dev.rapport.customers.domain;

import dev.rapport.platform.BulkInsert;
import dev.rapport.platform.StaleVersionException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the customers table and its custom-field values. Updates check the version. */
@Repository
public class CustomerStore {

    static final String COLUMNS = """
            id, type, name, phone, phone_normalized, email, email_normalized, credit_code, province, city, district,
            street, industry, source, tags, birthday, status, tier, owner_id, external_id, notes, version, created_at, updated_at, pool_id""";

    private static final String INSERT = """
            insert into customers (type, name, phone, phone_normalized, email, email_normalized, credit_code, province,
                city, district, street, industry, source, tags, birthday, status, tier, owner_id, external_id, notes,
                search_text, name_key, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""";

    private static final List<String> INSERT_COLUMNS = List.of("type", "name", "phone", "phone_normalized", "email",
            "email_normalized", "credit_code", "province", "city", "district", "street", "industry", "source", "tags",
            "birthday", "status", "tier", "owner_id", "external_id", "notes", "search_text", "name_key", "version",
            "created_at", "updated_at");
    static final List<String> CUSTOM_VALUE_COLUMNS = List.of("entity_type", "entity_id", "field_id", "value_text",
            "value_number", "value_date");
    private static final List<String> TAG_COLUMNS = List.of("tag", "customer_id");
    private static final List<String> HISTORY_COLUMNS = List.of("customer_id", "from_status", "to_status", "reason",
            "changed_by", "changed_at");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkInsert bulk;

    public CustomerStore(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
    }

    public long insert(ValidCustomer c, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.update(con -> {
            var ps = con.prepareStatement(INSERT, new String[] {"id"});
            bindInsert(ps, c, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        writeCustomValues(id, c.customValues());
        writeTags(List.of(id), java.util.Collections.singletonList(c.tags()));
        return id;
    }

    /**
     * Inserts many customers and returns their ids in order: COPY on PostgreSQL (ids reserved from
     * the sequence first), JDBC batches elsewhere. Custom-field values go the same way.
     */
    public List<Long> insertAll(List<ValidCustomer> customers, Instant now) {
        if (customers.isEmpty()) {
            return new ArrayList<>();
        }
        List<Object[]> rows = new ArrayList<>(customers.size());
        for (ValidCustomer c : customers) {
            rows.add(new Object[] {c.type().key(), c.name(), c.phone(), c.phoneNormalized(), c.email(), c.emailNormalized(),
                    c.creditCode(), c.province(), c.city(), c.district(), c.street(), c.industry(), c.source(), c.tags(),
                    c.birthday(), c.status().key(), c.tier().key(), c.ownerId(), c.externalId(), c.notes(), c.searchText(),
                    c.nameKey(), 0L, now, now});
        }
        List<Long> ids = bulk.insert("customers", INSERT_COLUMNS, rows);
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            for (CustomValue v : customers.get(i).customValues()) {
                values.add(new Object[] {"customer", ids.get(i), v.fieldId(), v.text(), v.number(), v.date()});
            }
        }
        bulk.append("custom_field_values", CUSTOM_VALUE_COLUMNS, values);
        writeTags(ids, customers.stream().map(ValidCustomer::tags).toList());
        return ids;
    }

    /**
     * Adds the tag rows (customer_tags) of customers just inserted, from their stored ",a,b," form.
     * Tag rows go away with their customer (on delete cascade).
     */
    public void writeTags(List<Long> ids, List<String> storedTags) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (String tag : CustomerValidator.tagList(storedTags.get(i))) {
                rows.add(new Object[] {tag, ids.get(i)});
            }
        }
        bulk.append("customer_tags", TAG_COLUMNS, rows);
    }

    private void replaceTags(List<Long> ids, List<String> storedTags) {
        jdbc.sql("delete from customer_tags where customer_id in (:ids)").param("ids", ids).update();
        writeTags(ids, storedTags);
    }

    private static void bindInsert(java.sql.PreparedStatement ps, ValidCustomer c, Instant now) throws SQLException {
        int i = 1;
        ps.setString(i++, c.type().key());
        ps.setString(i++, c.name());
        ps.setString(i++, c.phone());
        ps.setString(i++, c.phoneNormalized());
        ps.setString(i++, c.email());
        ps.setString(i++, c.emailNormalized());
        ps.setString(i++, c.creditCode());
        ps.setString(i++, c.province());
        ps.setString(i++, c.city());
        ps.setString(i++, c.district());
        ps.setString(i++, c.street());
        ps.setString(i++, c.industry());
        ps.setString(i++, c.source());
        ps.setString(i++, c.tags());
        ps.setDate(i++, c.birthday() == null ? null : Date.valueOf(c.birthday()));
        ps.setString(i++, c.status().key());
        ps.setString(i++, c.tier().key());
        ps.setLong(i++, c.ownerId());
        ps.setString(i++, c.externalId());
        ps.setString(i++, c.notes());
        ps.setString(i++, c.searchText());
        ps.setString(i++, c.nameKey());
        Timestamp ts = Timestamp.from(now);
        ps.setTimestamp(i++, ts);
        ps.setTimestamp(i, ts);
    }

    /**
     * Updates many customers with JDBC batches, each checked against the version it was read with
     * ({@code old}); a customer changed meanwhile fails the whole call with its current version.
     */
    public void updateAll(List<StoredCustomer> old, List<ValidCustomer> valid, Instant now) {
        if (old.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(old.size());
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            ValidCustomer c = valid.get(i);
            long id = old.get(i).id();
            rows.add(new Object[] {c.type().key(), c.name(), c.phone(), c.phoneNormalized(), c.email(), c.emailNormalized(),
                    c.creditCode(), c.province(), c.city(), c.district(), c.street(), c.industry(), c.source(), c.tags(),
                    c.birthday() == null ? null : Date.valueOf(c.birthday()), c.status().key(), c.tier().key(), c.ownerId(),
                    c.externalId(), c.notes(), c.searchText(), c.nameKey(), ts, id, old.get(i).version()});
            for (CustomValue v : c.customValues()) {
                values.add(new Object[] {"customer", id, v.fieldId(), v.text(), v.number(), v.date()});
            }
        }
        int[] counts = template.batchUpdate("""
                update customers set type = ?, name = ?, phone = ?, phone_normalized = ?, email = ?, email_normalized = ?,
                    credit_code = ?, province = ?, city = ?, district = ?, street = ?, industry = ?, source = ?, tags = ?,
                    birthday = ?, status = ?, tier = ?, owner_id = ?, external_id = ?, notes = ?, search_text = ?,
                    name_key = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""", rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                long id = old.get(i).id();
                throw new StaleVersionException("customer", find(id).map(StoredCustomer::version).orElse(-1L));
            }
        }
        List<Long> ids = old.stream().map(StoredCustomer::id).toList();
        jdbc.sql("delete from custom_field_values where entity_type = 'customer' and entity_id in (:ids)")
                .param("ids", ids).update();
        bulk.append("custom_field_values", CUSTOM_VALUE_COLUMNS, values);
        List<Integer> retagged = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            if (!java.util.Objects.equals(old.get(i).tags(), valid.get(i).tags())) {
                retagged.add(i);
            }
        }
        if (!retagged.isEmpty()) {
            replaceTags(retagged.stream().map(i -> old.get(i).id()).toList(), retagged.stream().map(i -> valid.get(i).tags()).toList());
        }
    }

    private void writeCustomValues(long id, List<CustomValue> values) {
        for (CustomValue v : values) {
            jdbc.sql("""
                    insert into custom_field_values (entity_type, entity_id, field_id, value_text, value_number, value_date)
                    values ('customer', :id, :field, :text, :number, :date)""")
                    .param("id", id).param("field", v.fieldId()).param("text", v.text()).param("number", v.number())
                    .param("date", v.date() == null ? null : Date.valueOf(v.date())).update();
        }
    }

    public Optional<StoredCustomer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from customers where id = :id").param("id", id)
                .query(CustomerStore::row).optional();
    }

    public List<StoredCustomer> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from customers where id in (:ids) order by id").param("ids", ids)
                .query(CustomerStore::row).list();
    }

    /** Custom-field values of some customers: customer id → (field id → value). */
    public Map<Long, Map<Long, CustomValue>> customValues(String entityType, Collection<Long> ids) {
        Map<Long, Map<Long, CustomValue>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select entity_id, field_id, value_text, value_number, value_date from custom_field_values
                where entity_type = :type and entity_id in (:ids)""")
                .param("type", entityType).param("ids", ids)
                .query(rs -> {
                    Date d = rs.getDate("value_date");
                    out.computeIfAbsent(rs.getLong("entity_id"), k -> new HashMap<>())
                            .put(rs.getLong("field_id"), new CustomValue(rs.getLong("field_id"), rs.getString("value_text"),
                                    rs.getBigDecimal("value_number"), d == null ? null : d.toLocalDate()));
                });
        return out;
    }

    public void delete(long id) {
        jdbc.sql("delete from custom_field_values where entity_type = 'customer' and entity_id = :id").param("id", id).update();
        jdbc.sql("delete from customers where id = :id").param("id", id).update();
    }

    public void insertStatusHistory(long customerId, String from, String to, String reason, Long by, Instant at) {
        jdbc.sql("""
                insert into customer_status_history (customer_id, from_status, to_status, reason, changed_by, changed_at)
                values (:c, :from, :to, :reason, :by, :at)""")
                .param("c", customerId).param("from", from).param("to", to).param("reason", reason).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    /** Status changes of many customers (from, to), written like {@link #insertAll}. */
    public void insertStatusChanges(Map<Long, String[]> changes, Long by, Instant at) {
        List<Object[]> rows = new ArrayList<>(changes.size());
        changes.forEach((id, fromTo) -> rows.add(new Object[] {id, fromTo[0], fromTo[1], null, by, at}));
        bulk.append("customer_status_history", HISTORY_COLUMNS, rows);
    }

    /** The first status of many new customers, written like {@link #insertAll}. */
    public void insertStatusHistoryBatch(List<Long> ids, List<String> statuses, Long by, Instant at) {
        List<Object[]> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {ids.get(i), null, statuses.get(i), null, by, at});
        }
        bulk.append("customer_status_history", HISTORY_COLUMNS, rows);
    }

    public List<dev.rapport.customers.CustomerManagement.StatusChange> statusHistory(long customerId) {
        return jdbc.sql("select from_status, to_status, reason, changed_by, changed_at from customer_status_history where customer_id = :c order by changed_at desc, id desc")
                .param("c", customerId)
                .query((rs, n) -> new dev.rapport.customers.CustomerManagement.StatusChange(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getObject(4, Long.class), null, rs.getTimestamp(5).toInstant()))
                .list();
    }

    public int setOwner(Collection<Long> ids, long ownerId, Instant now) {
        return jdbc.sql("""
                update customers set owner_id = :o, owned_since = :now, version = version + 1,
                    updated_at = :now where id in (:ids)""")
                .param("o", ownerId).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /** Latest activity per customer; one JDBC batch, never moving the time backwards. */
    public void recordFollowUps(Map<Long, Instant> latest) {
        List<Object[]> rows = new ArrayList<>(latest.size());
        latest.forEach((id, at) -> {
            Timestamp ts = Timestamp.from(at);
            rows.add(new Object[] {ts, ts, id});
        });
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate("""
                    update customers set last_activity_at = ? where (last_activity_at is null or last_activity_at < ?)
                    and id = ?""", rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    public void recordPurchase(long customerId, java.time.LocalDate day) {
        jdbc.sql("""
                update customers set last_purchase_on = :d
                where id = :id and (last_purchase_on is null or last_purchase_on < :d)""")
                .param("d", Date.valueOf(day)).param("id", customerId).update();
    }

    public int setStatus(Collection<Long> ids, String status, Instant now) {
        return jdbc.sql("update customers set status = :s, version = version + 1, updated_at = :now where id in (:ids)")
                .param("s", status).param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /** (value, id, owner id) of customers whose column holds one of the values; the column comes from code, never from input. */
    public List<Object[]> idsBy(String column, Collection<String> values) {
        if (!List.of("external_id", "credit_code", "phone_normalized", "email_normalized").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select " + column + ", id, owner_id from customers where " + column + " in (:v)")
                .param("v", values).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}).list();
    }

    public List<dev.rapport.customers.CustomerBulkLoad.Buyer> buyers(long afterId, int limit) {
        return jdbc.sql("""
                select id, owner_id, status, created_at, updated_at from customers
                where id > :a and owner_id is not null and status in ('current', 'lost') order by id limit :l""")
                .param("a", afterId).param("l", limit)
                .query((rs, n) -> new dev.rapport.customers.CustomerBulkLoad.Buyer(rs.getLong(1), rs.getLong(2),
                        dev.rapport.customers.CustomerStatus.parse(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** Keeps each customer's latest purchase day; an older one never moves it back. */
    public void recordPurchases(Map<Long, java.time.LocalDate> latest) {
        List<Object[]> rows = new ArrayList<>(latest.size());
        latest.forEach((id, day) -> rows.add(new Object[] {Date.valueOf(day), Date.valueOf(day), id}));
        for (int i = 0; i < rows.size(); i += 1000) {
            template.batchUpdate("""
                    update customers set last_purchase_on = ? where (last_purchase_on is null or last_purchase_on < ?)
                    and id = ?""", rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /** Loaded customers into a pool, unowned (demo data). */
    public void placeInPool(Collection<Long> ids, long poolId) {
        if (!ids.isEmpty()) {
            jdbc.sql("update customers set owner_id = null, owned_since = null, pool_id = :p where id in (:ids)")
                    .param("p", poolId).param("ids", ids).update();
        }
    }

    public void setTags(long id, String tags, Instant now) {
        jdbc.sql("update customers set tags = :t, version = version + 1, updated_at = :now where id = :id")
                .param("t", tags).param("now", Timestamp.from(now)).param("id", id).update();
        replaceTags(List.of(id), java.util.Collections.singletonList(tags));
    }

    static StoredCustomer row(ResultSet rs, int n) throws SQLException {
        Date birthday = rs.getDate("birthday");
        return new StoredCustomer(rs.getLong("id"), rs.getString("type"), rs.getString("name"), rs.getString("phone"),
                rs.getString("phone_normalized"), rs.getString("email"), rs.getString("email_normalized"),
                rs.getString("credit_code"), rs.getString("province"), rs.getString("city"), rs.getString("district"),
                rs.getString("street"), rs.getString("industry"), rs.getString("source"), rs.getString("tags"),
                birthday == null ? null : birthday.toLocalDate(), rs.getString("status"), rs.getString("tier"),
                rs.getObject("owner_id", Long.class), rs.getString("external_id"), rs.getString("notes"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getObject("pool_id", Long.class));
    }

    /** Customers per owner among the given users (owners without any are absent). */
    public Map<Long, Long> ownedCounts(Collection<Long> ownerIds) {
        Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("select owner_id, count(*) from customers where owner_id in (:o) group by owner_id").param("o", ownerIds)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}

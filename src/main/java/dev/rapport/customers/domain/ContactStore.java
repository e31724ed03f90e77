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
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the contacts table. */
@Repository
public class ContactStore {

    static final String SELECT = """
            select k.id, k.customer_id, c.name as customer_name, k.name, k.title, k.phone, k.phone_normalized, k.email,
                   k.email_normalized, k.birthday, k.owner_id, k.external_id, k.notes, k.version, k.created_at, k.updated_at
            from contacts k left join customers c on c.id = k.customer_id""";
    private static final List<String> INSERT_COLUMNS = List.of("customer_id", "name", "title", "phone", "phone_normalized",
            "email", "email_normalized", "birthday", "owner_id", "external_id", "notes", "search_text", "version",
            "created_at", "updated_at");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkInsert bulk;
    private final Normalizer normalizer;

    public ContactStore(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk, Normalizer normalizer) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
        this.normalizer = normalizer;
    }

    /** Inserts many contacts and returns their ids in order, like {@link CustomerStore#insertAll}. */
    public List<Long> insertAll(List<ValidContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return new ArrayList<>();
        }
        List<Object[]> rows = new ArrayList<>(contacts.size());
        for (ValidContact k : contacts) {
            rows.add(new Object[] {k.customerId(), k.name(), k.title(), k.phone(), k.phoneNormalized(), k.email(),
                    k.emailNormalized(), k.birthday(), k.ownerId(), k.externalId(), k.notes(), k.searchText(), 0L, now, now});
        }
        List<Long> ids = bulk.insert("contacts", INSERT_COLUMNS, rows);
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            for (CustomValue v : contacts.get(i).customValues()) {
                values.add(new Object[] {"contact", ids.get(i), v.fieldId(), v.text(), v.number(), v.date()});
            }
        }
        bulk.append("custom_field_values", CustomerStore.CUSTOM_VALUE_COLUMNS, values);
        return ids;
    }

    /** Updates many contacts like {@link CustomerStore#updateAll}. */
    public void updateAll(List<StoredContact> old, List<ValidContact> valid, Instant now) {
        if (old.isEmpty()) {
            return;
        }
        Timestamp ts = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(old.size());
        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            ValidContact k = valid.get(i);
            long id = old.get(i).id();
            rows.add(new Object[] {k.customerId(), k.name(), k.title(), k.phone(), k.phoneNormalized(), k.email(),
                    k.emailNormalized(), k.birthday() == null ? null : Date.valueOf(k.birthday()), k.ownerId(), k.externalId(),
                    k.notes(), k.searchText(), ts, id, old.get(i).version()});
            for (CustomValue v : k.customValues()) {
                values.add(new Object[] {"contact", id, v.fieldId(), v.text(), v.number(), v.date()});
            }
        }
        int[] counts = template.batchUpdate("""
                update contacts set customer_id = ?, name = ?, title = ?, phone = ?, phone_normalized = ?, email = ?,
                    email_normalized = ?, birthday = ?, owner_id = ?, external_id = ?, notes = ?, search_text = ?,
                    version = version + 1, updated_at = ?
                where id = ? and version = ?""", rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                long id = old.get(i).id();
                throw new StaleVersionException("contact", find(id).map(StoredContact::version).orElse(-1L));
            }
        }
        jdbc.sql("delete from custom_field_values where entity_type = 'contact' and entity_id in (:ids)")
                .param("ids", old.stream().map(StoredContact::id).toList()).update();
        bulk.append("custom_field_values", CustomerStore.CUSTOM_VALUE_COLUMNS, values);
    }

    public Optional<StoredContact> find(long id) {
        return jdbc.sql(SELECT + " where k.id = :id").param("id", id).query(ContactStore::row).optional();
    }

    public List<StoredContact> ofCustomer(long customerId) {
        return jdbc.sql(SELECT + " where k.customer_id = :c order by k.id").param("c", customerId).query(ContactStore::row).list();
    }

    public List<StoredContact> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where k.id in (:ids)").param("ids", ids).query(ContactStore::row).list();
    }

    public void delete(long id) {
        jdbc.sql("delete from custom_field_values where entity_type = 'contact' and entity_id = :id").param("id", id).update();
        jdbc.sql("delete from contacts where id = :id").param("id", id).update();
    }

    /** The contacts of a deleted customer stay, without a company. */
    public int detach(long customerId, Instant now) {
        return jdbc.sql("update contacts set customer_id = null, version = version + 1, updated_at = :now where customer_id = :c")
                .param("c", customerId).param("now", Timestamp.from(now)).update();
    }

    public int moveToCustomer(Collection<Long> fromCustomers, long toCustomer, Instant now) {
        return jdbc.sql("update contacts set customer_id = :to, version = version + 1, updated_at = :now where customer_id in (:from)")
                .param("to", toCustomer).param("from", fromCustomers).param("now", Timestamp.from(now)).update();
    }

    /**
     * Contacts keep their company's name in their search text; a renamed company refreshes it.
     * The change time moves too, so copies of the search text (the embedded search index) catch up.
     */
    public void refreshCompanyName(long customerId, String oldName, String newName, Instant now) {
        jdbc.sql("update contacts set search_text = replace(search_text, :old, :new), updated_at = :now where customer_id = :c")
                .param("old", " " + normalizer.fragment(oldName) + " ").param("new", " " + normalizer.fragment(newName) + " ")
                .param("c", customerId).param("now", Timestamp.from(now)).update();
    }

    static StoredContact row(ResultSet rs, int n) throws SQLException {
        Date b = rs.getDate("birthday");
        return new StoredContact(rs.getLong("id"), rs.getObject("customer_id", Long.class), rs.getString("customer_name"),
                rs.getString("name"), rs.getString("title"), rs.getString("phone"), rs.getString("phone_normalized"),
                rs.getString("email"), rs.getString("email_normalized"), b == null ? null : b.toLocalDate(),
                rs.getLong("owner_id"), rs.getString("external_id"), rs.getString("notes"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}

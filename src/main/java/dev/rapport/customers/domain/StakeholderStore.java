package dev.rapport.customers.domain;

import dev.rapport.platform.StaleVersionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the stakeholders table (the decision chain). */
@Repository
public class StakeholderStore {

    private static final String SELECT = """
            select id, customer_id, contact_id, context, role, attitude, influence, strength, reports_to_id, notes, version
            from stakeholders""";

    private final JdbcClient jdbc;

    public StakeholderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of an organization in the given contexts. */
    public List<StoredStakeholder> ofCustomer(long customerId, Collection<String> contexts) {
        return jdbc.sql(SELECT + " where customer_id = :c and context in (:ctx) order by id")
                .param("c", customerId).param("ctx", contexts).query(StakeholderStore::row).list();
    }

    public Optional<StoredStakeholder> find(long contactId, String context) {
        return jdbc.sql(SELECT + " where contact_id = :k and context = :ctx").param("k", contactId).param("ctx", context)
                .query(StakeholderStore::row).optional();
    }

    /** Rows of the contact itself, in every context. */
    public List<StoredStakeholder> ofContact(long contactId) {
        return jdbc.sql(SELECT + " where contact_id = :k order by id").param("k", contactId).query(StakeholderStore::row).list();
    }

    /** Rows, in every context, whose contact reports to the given one. */
    public List<StoredStakeholder> reportingTo(long contactId) {
        return jdbc.sql(SELECT + " where reports_to_id = :k order by id").param("k", contactId).query(StakeholderStore::row).list();
    }

    /**
     * Locks the organization's row until the transaction ends, so two concurrent changes of its
     * chain cannot each pass the cycle check and together close a loop.
     */
    public void lockOrganization(long customerId) {
        jdbc.sql("select id from customers where id = :c for update").param("c", customerId).query(Long.class).optional();
    }

    /** Writes a new row at version 1; a row written meanwhile by someone else is a stale edit. */
    public void insert(long customerId, long contactId, String context, StoredStakeholder v, Instant now) {
        try {
            jdbc.sql("""
                    insert into stakeholders (customer_id, contact_id, context, role, attitude, influence, strength, reports_to_id,
                        notes, version, created_at, updated_at)
                    values (:c, :k, :ctx, :role, :attitude, :influence, :strength, :reportsTo, :notes, 1, :now, :now)""")
                    .param("c", customerId).param("k", contactId).param("ctx", context).param("role", v.role())
                    .param("attitude", v.attitude()).param("influence", v.influence()).param("strength", v.strength())
                    .param("reportsTo", v.reportsToId()).param("notes", v.notes()).param("now", Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new StaleVersionException("stakeholder", find(contactId, context).map(StoredStakeholder::version).orElse(0L));
        }
    }

    public void update(StoredStakeholder old, StoredStakeholder v, Instant now) {
        int n = jdbc.sql("""
                update stakeholders set role = :role, attitude = :attitude, influence = :influence, strength = :strength,
                    reports_to_id = :reportsTo, notes = :notes, version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("role", v.role()).param("attitude", v.attitude()).param("influence", v.influence())
                .param("strength", v.strength()).param("reportsTo", v.reportsToId()).param("notes", v.notes())
                .param("now", Timestamp.from(now)).param("id", old.id()).param("version", old.version()).update();
        if (n == 0) {
            throw new StaleVersionException("stakeholder", find(old.contactId(), old.context()).map(StoredStakeholder::version).orElse(0L));
        }
    }

    public void delete(long id) {
        jdbc.sql("delete from stakeholders where id = :id").param("id", id).update();
    }

    public void clearReportsTo(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update stakeholders set reports_to_id = null, version = version + 1, updated_at = :now where id in (:ids)")
                    .param("now", Timestamp.from(now)).param("ids", ids).update();
        }
    }

    /** Merged organizations' chains join the survivor's (their contacts moved there too). */
    public int moveToCustomer(Collection<Long> fromCustomers, long toCustomer, Instant now) {
        return jdbc.sql("update stakeholders set customer_id = :to, version = version + 1, updated_at = :now where customer_id in (:from)")
                .param("to", toCustomer).param("from", fromCustomers).param("now", Timestamp.from(now)).update();
    }

    /** Drops every row of a context (e.g. when the opportunity it belongs to is deleted). */
    public int deleteContext(long customerId, String context) {
        return jdbc.sql("delete from stakeholders where customer_id = :c and context = :ctx").param("c", customerId)
                .param("ctx", context).update();
    }

    private static StoredStakeholder row(ResultSet rs, int n) throws SQLException {
        return new StoredStakeholder(rs.getLong("id"), rs.getLong("customer_id"), rs.getLong("contact_id"), rs.getString("context"),
                rs.getString("role"), rs.getString("attitude"), rs.getObject("influence", Integer.class),
                rs.getObject("strength", Integer.class), rs.getObject("reports_to_id", Long.class), rs.getString("notes"),
                rs.getLong("version"));
    }
}

package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.ContractView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Contracts (合同). Rows come back as views without names; the service adds them. */
@Repository
public class ContractStore {

    private final JdbcClient jdbc;

    public ContractStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contract fields as validated by the service. */
    public record Fields(String number, long customerId, String title, LocalDate startDate, LocalDate endDate, BigDecimal amount,
                         String currency, LocalDate signedOn, Long orderId, long ownerId, Long quoteId) {
    }

    /** The next readable contract number for a year, e.g. CT-2026-000042. */
    public String nextNumber(int year) {
        long n = jdbc.sql("select nextval('sales_contract_number_seq')").query(Long.class).single();
        return String.format("CT-%d-%06d", year, n);
    }

    public boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from sales_contracts where number = :n").param("n", number).query(Long.class).single() > 0;
    }

    public long insert(Fields f, String status, long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_contracts (number, customer_id, title, start_date, end_date, amount, paid, currency, status,
                    signed_on, order_id, quote_id, owner_id, version, created_by, created_at, updated_at)
                values (:number, :c, :title, :start, :end, :amount, 0, :cur, :status, :signed, :order, :quote, :owner, 0, :by, :now, :now)""")
                .param("quote", f.quoteId())
                .param("number", f.number()).param("c", f.customerId()).param("title", f.title()).param("start", date(f.startDate()))
                .param("end", date(f.endDate())).param("amount", f.amount()).param("cur", f.currency()).param("status", status)
                .param("signed", date(f.signedOn())).param("order", f.orderId()).param("owner", f.ownerId()).param("by", by)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, long expectedVersion, Fields f, Instant now) {
        int n = jdbc.sql("""
                update sales_contracts set title = :title, start_date = :start, end_date = :end, amount = :amount, currency = :cur,
                    signed_on = :signed, order_id = :order, owner_id = :owner, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("title", f.title()).param("start", date(f.startDate())).param("end", date(f.endDate()))
                .param("amount", f.amount()).param("cur", f.currency()).param("signed", date(f.signedOn()))
                .param("order", f.orderId()).param("owner", f.ownerId()).param("now", Timestamp.from(now)).param("id", id)
                .param("v", expectedVersion).update();
        stale(n, id);
    }

    public void setStatus(long id, long expectedVersion, String status, Instant now) {
        int n = jdbc.sql("update sales_contracts set status = :s, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("s", status).param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    public void addPaid(long id, long expectedVersion, BigDecimal amount, Instant now) {
        int n = jdbc.sql("update sales_contracts set paid = paid + :a, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("a", amount).param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    private void stale(int n, long id) {
        if (n == 0) {
            throw new StaleVersionException("contract", find(id).map(ContractView::version).orElse(-1L));
        }
    }

    public Optional<ContractView> find(long id) {
        return jdbc.sql("select * from sales_contracts where id = :id").param("id", id).query(ContractStore::row).optional();
    }

    /** Contracts in the owners' scope (null = all), newest first, keyset on id; optional customer and status filters. */
    public List<ContractView> list(Collection<Long> owners, Long customerId, String status, String q, Long beforeId, int limit) {
        String where = " where 1 = 1" + (owners == null ? "" : " and owner_id in (:owners)")
                + (customerId == null ? "" : " and customer_id = :c") + (status == null ? "" : " and status = :s")
                + (q == null ? "" : " and (number like :q or lower(title) like :q)") + (beforeId == null ? "" : " and id < :before");
        var spec = jdbc.sql("select * from sales_contracts" + where + " order by id desc limit :limit").param("limit", limit);
        if (owners != null) {
            spec = spec.param("owners", owners);
        }
        if (customerId != null) {
            spec = spec.param("c", customerId);
        }
        if (status != null) {
            spec = spec.param("s", status);
        }
        if (q != null) {
            spec = spec.param("q", q.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query(ContractStore::row).list();
    }

    /** The contracts paid through an order, oldest first. */
    public List<ContractView> ofOrder(long orderId) {
        return jdbc.sql("select * from sales_contracts where order_id = :o order by id").param("o", orderId).query(ContractStore::row).list();
    }

    public Optional<Long> idOfQuote(long quoteId) {
        return jdbc.sql("select id from sales_contracts where quote_id = :q").param("q", quoteId).query(Long.class).optional();
    }

    /** Makes a draft contract paid through an order (its order was created after it, from the same quote). */
    public void linkOrder(long id, long expectedVersion, long orderId, Instant now) {
        int n = jdbc.sql("update sales_contracts set order_id = :o, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("o", orderId).param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        stale(n, id);
    }

    public int moveCustomer(Collection<Long> from, long to) {
        return jdbc.sql("update sales_contracts set customer_id = :to where customer_id in (:from)").param("to", to).param("from", from).update();
    }

    public int reassignOwner(long from, long to) {
        return jdbc.sql("update sales_contracts set owner_id = :to, version = version + 1 where owner_id = :from")
                .param("to", to).param("from", from).update();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static ContractView row(ResultSet rs, int n) throws SQLException {
        return new ContractView(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"), null, rs.getString("title"),
                local(rs.getDate("start_date")), local(rs.getDate("end_date")), rs.getBigDecimal("amount"), rs.getBigDecimal("paid"),
                rs.getString("currency"), rs.getString("status"), local(rs.getDate("signed_on")), rs.getObject("order_id", Long.class),
                rs.getObject("quote_id", Long.class), rs.getLong("owner_id"), null, rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package dev.rapport.sales.domain;

import dev.rapport.sales.InstalmentInput;
import dev.rapport.sales.PaymentView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Payment plans (instalments) and payments of orders and contracts. {@code target} is the column
 * naming the parent: "order_id" or "contract_id" (never user text).
 */
@Repository
public class PaymentStore {

    /** An instalment as stored. */
    public record Instalment(long id, int position, LocalDate dueOn, BigDecimal amount, BigDecimal paid) {
        public BigDecimal open() {
            return amount.subtract(paid);
        }
    }

    /** Who owes, to whom and in which currency: copied onto each instalment for join-free sums. */
    public record Parent(String column, long id, long customerId, long ownerId, String currency) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public PaymentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<Instalment> instalments(String column, long id) {
        return jdbc.sql("select id, position, due_on, amount, paid from sales_instalments where " + column(column)
                        + " = :id order by position")
                .param("id", id)
                .query((rs, n) -> new Instalment(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    public void replacePlan(Parent p, List<LocalDate> dueOn, List<BigDecimal> amounts, boolean receivable) {
        jdbc.sql("delete from sales_instalments where " + column(p.column()) + " = :id").param("id", p.id()).update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < dueOn.size(); i++) {
            rows.add(new Object[] {p.column().equals("order_id") ? p.id() : null, p.column().equals("contract_id") ? p.id() : null,
                    p.customerId(), p.ownerId(), p.currency(), i + 1, Date.valueOf(dueOn.get(i)), amounts.get(i), receivable});
        }
        template.batchUpdate("""
                insert into sales_instalments (order_id, contract_id, customer_id, owner_id, currency, position, due_on, amount,
                    paid, receivable) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", rows);
    }

    /**
     * Applies a revised plan: drops the listed instalments, updates those kept (by id) and adds the
     * new ones, numbered in the given order. What was paid on a kept instalment stays on it.
     */
    public void revisePlan(Parent p, List<InstalmentInput> plan, List<Long> dropped, boolean receivable) {
        if (!dropped.isEmpty()) {
            jdbc.sql("delete from sales_instalments where " + column(p.column()) + " = :id and id in (:ids)")
                    .param("id", p.id()).param("ids", dropped).update();
        }
        List<Object[]> added = new ArrayList<>();
        List<Object[]> kept = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            InstalmentInput x = plan.get(i);
            if (x.id() == null) {
                added.add(new Object[] {p.column().equals("order_id") ? p.id() : null, p.column().equals("contract_id") ? p.id() : null,
                        p.customerId(), p.ownerId(), p.currency(), i + 1, Date.valueOf(x.dueOn()), x.amount(), receivable});
            } else {
                kept.add(new Object[] {i + 1, Date.valueOf(x.dueOn()), x.amount(), receivable, x.amount(), x.id()});
            }
        }
        if (!kept.isEmpty()) {
            template.batchUpdate("update sales_instalments set position = ?, due_on = ?, amount = ?, receivable = (? and paid < ?)"
                    + " where id = ?", kept);
        }
        if (!added.isEmpty()) {
            template.batchUpdate("""
                    insert into sales_instalments (order_id, contract_id, customer_id, owner_id, currency, position, due_on, amount,
                        paid, receivable) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", added);
        }
    }

    /** Copies the parent's owner and currency onto its instalments (they are kept there for join-free sums). */
    public void restamp(Parent p) {
        jdbc.sql("update sales_instalments set owner_id = :owner, currency = :currency where " + column(p.column()) + " = :id")
                .param("owner", p.ownerId()).param("currency", p.currency()).param("id", p.id()).update();
    }

    /** Marks the parent's unpaid instalments as owed (confirmed, activated) or not (cancelled, ended). */
    public void setReceivable(String column, long id, boolean receivable) {
        jdbc.sql("update sales_instalments set receivable = (:r and paid < amount) where " + column(column) + " = :id")
                .param("r", receivable).param("id", id).update();
    }

    public void addPaid(long instalmentId, BigDecimal amount) {
        jdbc.sql("update sales_instalments set paid = paid + :a, receivable = (paid + :a < amount) where id = :id")
                .param("a", amount).param("id", instalmentId).update();
    }

    public long insertPayment(long customerId, String column, long parentId, LocalDate receivedOn, BigDecimal amount,
                              String currency, String method, String reference, long ownerId, long by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sales_payments (customer_id, order_id, contract_id, received_on, amount, currency, method, reference,
                    owner_id, created_by, created_at)
                values (:c, :o, :k, :on, :a, :cur, :m, :ref, :owner, :by, :now)""")
                .param("c", customerId).param("o", column.equals("order_id") ? parentId : null)
                .param("k", column.equals("contract_id") ? parentId : null).param("on", Date.valueOf(receivedOn))
                .param("a", amount).param("cur", currency).param("m", method).param("ref", reference).param("owner", ownerId)
                .param("by", by).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void allocate(long paymentId, long instalmentId, BigDecimal amount) {
        jdbc.sql("insert into sales_payment_allocations (payment_id, instalment_id, amount) values (:p, :i, :a)")
                .param("p", paymentId).param("i", instalmentId).param("a", amount).update();
    }

    public List<PaymentView> payments(String column, long id) {
        return jdbc.sql("select * from sales_payments where " + column(column) + " = :id order by received_on desc, id desc")
                .param("id", id).query(PaymentStore::payment).list();
    }

    public java.util.Optional<PaymentView> payment(long id) {
        return jdbc.sql("select * from sales_payments where id = :id").param("id", id).query(PaymentStore::payment).optional();
    }

    /** Payments in the owners' scope (null = all), newest first, keyset on id; optionally of one customer. */
    public List<PaymentView> list(Collection<Long> owners, Long customerId, Long beforeId, int limit) {
        String where = " where 1 = 1" + (owners == null ? "" : " and owner_id in (:owners)")
                + (customerId == null ? "" : " and customer_id = :c") + (beforeId == null ? "" : " and id < :before");
        var spec = jdbc.sql("select * from sales_payments" + where + " order by id desc limit :limit").param("limit", limit);
        if (owners != null) {
            spec = spec.param("owners", owners);
        }
        if (customerId != null) {
            spec = spec.param("c", customerId);
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query(PaymentStore::payment).list();
    }

    /** One currency's receivable, overdue and overdue-for-long sums of a customer, with the oldest due day. */
    public record Owed(String currency, BigDecimal receivable, BigDecimal overdue, BigDecimal overdueLong, LocalDate oldestDue) {
    }

    public List<Owed> owed(long customerId, LocalDate today, LocalDate longAgo) {
        return jdbc.sql("""
                select currency, sum(amount - paid),
                       sum(case when due_on < :today then amount - paid else 0 end),
                       sum(case when due_on < :longAgo then amount - paid else 0 end),
                       min(due_on)
                from sales_instalments where customer_id = :c and receivable = true group by currency order by currency""")
                .param("c", customerId).param("today", Date.valueOf(today)).param("longAgo", Date.valueOf(longAgo))
                .query((rs, n) -> new Owed(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getDate(5).toLocalDate()))
                .list();
    }

    public int moveCustomer(Collection<Long> from, long to) {
        jdbc.sql("update sales_payments set customer_id = :to where customer_id in (:from)").param("to", to).param("from", from).update();
        return jdbc.sql("update sales_instalments set customer_id = :to where customer_id in (:from)").param("to", to).param("from", from).update();
    }

    public void reassignOwner(long from, long to) {
        jdbc.sql("update sales_payments set owner_id = :to where owner_id = :from").param("to", to).param("from", from).update();
        jdbc.sql("update sales_instalments set owner_id = :to where owner_id = :from").param("to", to).param("from", from).update();
    }

    private static String column(String column) {
        if (!column.equals("order_id") && !column.equals("contract_id")) {
            throw new IllegalArgumentException(column);
        }
        return column;
    }

    static PaymentView payment(ResultSet rs, int n) throws SQLException {
        return new PaymentView(rs.getLong("id"), rs.getLong("customer_id"), rs.getObject("order_id", Long.class),
                rs.getObject("contract_id", Long.class), rs.getDate("received_on").toLocalDate(), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("method"), rs.getString("reference"), rs.getLong("owner_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}

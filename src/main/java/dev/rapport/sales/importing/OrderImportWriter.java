package dev.rapport.sales.importing;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.AuditLog;
import dev.rapport.platform.BulkInsert;
import dev.rapport.sales.domain.OrderPricing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of validated history orders: orders and lines with COPY on PostgreSQL (JDBC
 * batches elsewhere), one audit entry per order, and the customers' purchases (status to current,
 * latest purchase day). Imported orders are history: fulfilled, fully paid, no payment plan.
 */
@Component
class OrderImportWriter {

    static final List<String> ORDER_COLUMNS = List.of("number", "customer_id", "order_date", "currency", "subtotal",
            "discount_total", "tax_total", "total", "paid", "status", "owner_id", "imported", "version", "created_by",
            "created_at", "updated_at");
    static final List<String> LINE_COLUMNS = List.of("order_id", "position", "product_id", "description", "quantity",
            "unit_price", "discount", "tax_rate", "line_total");

    /** An order ready to write. */
    record HistoryOrder(long line, String number, long customerId, LocalDate orderDate, String currency,
                        OrderPricing.Totals totals, List<OrderPricing.PricedLine> lines) {
    }

    private final BulkInsert bulk;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CustomerManagement customers;

    OrderImportWriter(BulkInsert bulk, JdbcClient jdbc, AuditLog audit, CustomerManagement customers) {
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.audit = audit;
        this.customers = customers;
    }

    /** Which of these order numbers are already stored (what makes a re-run create nothing). */
    Set<String> existing(Collection<String> numbers) {
        Set<String> out = new HashSet<>();
        if (!numbers.isEmpty()) {
            out.addAll(jdbc.sql("select number from sales_orders where number in (:n)").param("n", numbers).query(String.class).list());
        }
        return out;
    }

    void write(List<HistoryOrder> orders, long ownerId, long importId, Instant now) {
        if (orders.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(orders.size());
        for (HistoryOrder o : orders) {
            rows.add(new Object[] {o.number(), o.customerId(), o.orderDate(), o.currency(), o.totals().subtotal(),
                    o.totals().discountTotal(), o.totals().taxTotal(), o.totals().total(), o.totals().total(), "fulfilled", ownerId,
                    true, 0, ownerId, now, now});
        }
        List<Long> ids = bulk.insert("sales_orders", ORDER_COLUMNS, rows);
        List<Object[]> lines = new ArrayList<>();
        Map<Long, LocalDate> purchases = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            HistoryOrder o = orders.get(i);
            for (int p = 0; p < o.lines().size(); p++) {
                OrderPricing.PricedLine l = o.lines().get(p);
                lines.add(new Object[] {ids.get(i), p + 1, null, l.description(), l.quantity(), l.unitPrice(), l.discount(),
                        l.taxRate(), l.lineTotal()});
            }
            purchases.merge(o.customerId(), o.orderDate(), (a, b) -> a.isAfter(b) ? a : b);
        }
        bulk.append("sales_order_lines", LINE_COLUMNS, lines);
        audit.recordBulk("order", ids, "create", ownerId, "import_id", null, String.valueOf(importId));
        purchases.forEach(customers::recordPurchase);
    }
}

package dev.rapport.sales;

import dev.rapport.platform.BulkInsert;
import dev.rapport.sales.domain.OrderPricing;
import dev.rapport.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Loads many orders with their lines that a trusted program produced (demo data, benchmarks) with
 * COPY on PostgreSQL or JDBC batches elsewhere. Totals are computed by the same rules as
 * {@link OrderManagement#create}; orders are stored fulfilled and fully paid (history), so they
 * count as purchases but owe nothing. Customers' statuses are not moved: the loader decides them.
 */
@Service
public class OrderBulkLoad {

    public record NewOrder(long customerId, long ownerId, LocalDate orderDate, String currency, List<OrderLineInput> lines) {
    }

    private static final List<String> ORDER_COLUMNS = List.of("number", "customer_id", "order_date", "currency", "subtotal",
            "discount_total", "tax_total", "total", "paid", "status", "owner_id", "imported", "version", "created_by",
            "created_at", "updated_at");
    private static final List<String> LINE_COLUMNS = List.of("order_id", "position", "product_id", "description", "quantity",
            "unit_price", "discount", "tax_rate", "line_total");

    private final BulkInsert bulk;

    OrderBulkLoad(BulkInsert bulk) {
        this.bulk = bulk;
    }

    /**
     * Runs a large load into empty order tables with their secondary indexes built once at the end
     * and the tables analyzed (without fresh statistics PostgreSQL picks the status index for a
     * customer's orders and reads every row).
     */
    public void withIndexesDeferred(Runnable work) {
        bulk.withIndexesDeferred(List.of("sales_orders", "sales_order_lines"), work);
    }

    public boolean hasOrders() {
        return bulk.exists("sales_orders");
    }

    /** Call inside a transaction; {@code numberPrefix} + a running number must be unique (e.g. "DEMO-7-"). Returns the lines written. */
    public long insert(List<NewOrder> batch, String numberPrefix, long firstNumber, Instant now) {
        List<Object[]> orders = new ArrayList<>(batch.size());
        List<List<OrderPricing.PricedLine>> priced = new ArrayList<>(batch.size());
        long n = firstNumber;
        for (NewOrder o : batch) {
            var errors = new InvalidInputException.Collector();
            List<OrderPricing.PricedLine> lines = OrderPricing.price(o.lines(), errors);
            if (errors.hasErrors() || lines.isEmpty()) {
                throw new IllegalArgumentException("bad order lines: " + errors.errors());
            }
            OrderPricing.Totals t = OrderPricing.totals(lines);
            priced.add(lines);
            orders.add(new Object[] {numberPrefix + n++, o.customerId(), o.orderDate(), o.currency(), t.subtotal(), t.discountTotal(),
                    t.taxTotal(), t.total(), t.total(), OrderStatus.FULFILLED.key(), o.ownerId(), true, 0L, o.ownerId(), now, now});
        }
        List<Long> ids = bulk.insert("sales_orders", ORDER_COLUMNS, orders);
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<OrderPricing.PricedLine> ls = priced.get(i);
            for (int p = 0; p < ls.size(); p++) {
                OrderPricing.PricedLine l = ls.get(p);
                lines.add(new Object[] {ids.get(i), p + 1, l.productId(), l.description(), l.quantity(), l.unitPrice(), l.discount(),
                        l.taxRate(), l.lineTotal()});
            }
        }
        bulk.append("sales_order_lines", LINE_COLUMNS, lines);
        return lines.size();
    }
}

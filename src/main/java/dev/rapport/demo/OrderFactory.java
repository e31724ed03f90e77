package dev.rapport.demo;

import dev.rapport.customers.CustomerBulkLoad;
import dev.rapport.customers.CustomerStatus;
import dev.rapport.sales.OrderBulkLoad;
import dev.rapport.sales.OrderLineInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo order history: {@code count} orders of 1–5 lines (3 on average) spread over the stored
 * customers that bought (current ones since they became current, lost ones before they were lost)
 * in id order, in chunks of {@value #CHUNK} orders per transaction; then each buyer's latest
 * purchase day is recorded on the customer (the public pool's purchase rule and the customer page
 * read it). Statuses stay as the customer loader made them. 5,000,000 lines ≈ {@code --orders 1670000}.
 */
@Component
class OrderFactory {

    static final int CHUNK = 2_000;
    private static final String[] ITEMS = {"办公桌 Office desk", "打印纸 Copy paper", "服务器 Server", "年度维护 Annual support",
            "笔记本电脑 Laptop", "咖啡豆 Coffee beans", "安装服务 Installation", "培训 Training"};

    private final CustomerBulkLoad customers;
    private final OrderBulkLoad orders;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderFactory(CustomerBulkLoad customers, OrderBulkLoad orders, TransactionTemplate tx, Clock clock) {
        this.customers = customers;
        this.orders = orders;
        this.tx = tx;
        this.clock = clock;
    }

    /** Loads the orders; returns the number of lines. {@code progress} gets the orders done after each chunk. */
    long load(long count, long seed, LongConsumer progress) {
        return load(count, seed, 0, progress);
    }

    /** Loads the orders over the customers with an id above {@code afterCustomer} only. */
    long load(long count, long seed, long afterCustomer, LongConsumer progress) {
        if (count >= 50_000 && !orders.hasOrders()) {
            long[] lines = new long[1];
            orders.withIndexesDeferred(() -> lines[0] = loadChunks(count, seed, afterCustomer, progress));
            return lines[0];
        }
        return loadChunks(count, seed, afterCustomer, progress);
    }

    private long loadChunks(long count, long seed, long afterCustomer, LongConsumer progress) {
        List<CustomerBulkLoad.Buyer> buyers = new ArrayList<>();
        for (List<CustomerBulkLoad.Buyer> page = customers.buyers(afterCustomer, 100_000); !page.isEmpty();
             page = customers.buyers(page.get(page.size() - 1).id(), 100_000)) {
            buyers.addAll(page);
        }
        if (buyers.isEmpty() || count <= 0) {
            return 0;
        }
        Random random = new Random(seed);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String prefix = "DEMO-" + Long.toString(now.toEpochMilli(), 36).toUpperCase() + "-";
        long[] lines = {0};
        long done = 0;
        Map<Long, LocalDate> latest = new HashMap<>();
        while (done < count) {
            int size = (int) Math.min(CHUNK, count - done);
            List<OrderBulkLoad.NewOrder> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                CustomerBulkLoad.Buyer buyer = buyers.get((int) ((done + i) % buyers.size()));
                int n = 1 + random.nextInt(5);
                List<OrderLineInput> ls = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    ls.add(new OrderLineInput(null, ITEMS[random.nextInt(ITEMS.length)], BigDecimal.valueOf(1 + random.nextInt(20)),
                            BigDecimal.valueOf(100 + random.nextInt(99_900), 2), BigDecimal.valueOf(random.nextInt(4) * 5L),
                            BigDecimal.valueOf(13)));
                }
                LocalDate day = orderDay(buyer, today, random);
                latest.merge(buyer.id(), day, (a, b) -> a.isAfter(b) ? a : b);
                batch.add(new OrderBulkLoad.NewOrder(buyer.id(), buyer.ownerId(), day, "CNY", ls));
            }
            long first = done;
            tx.executeWithoutResult(s -> lines[0] += orders.insert(batch, prefix, first, now));
            done += size;
            progress.accept(done);
        }
        List<Map.Entry<Long, LocalDate>> entries = new ArrayList<>(latest.entrySet());
        for (int i = 0; i < entries.size(); i += 10_000) {
            Map<Long, LocalDate> part = new HashMap<>();
            entries.subList(i, Math.min(entries.size(), i + 10_000)).forEach(e -> part.put(e.getKey(), e.getValue()));
            tx.executeWithoutResult(s -> customers.recordPurchases(part));
        }
        return lines[0];
    }

    /**
     * A current customer bought from the day it became one (its last change) until today; a lost
     * one between its creation and the day it was lost.
     */
    private static LocalDate orderDay(CustomerBulkLoad.Buyer buyer, LocalDate today, Random random) {
        LocalDate created = LocalDate.ofInstant(buyer.createdAt(), ZoneOffset.UTC);
        LocalDate changed = LocalDate.ofInstant(buyer.changedAt(), ZoneOffset.UTC);
        LocalDate from = buyer.status() == CustomerStatus.CURRENT ? changed : created;
        LocalDate to = buyer.status() == CustomerStatus.CURRENT ? today : changed;
        long span = Math.max(0, to.toEpochDay() - from.toEpochDay());
        LocalDate day = from.plusDays(span == 0 ? 0 : random.nextLong(span + 1));
        return day.isAfter(today) ? today : day;
    }
}

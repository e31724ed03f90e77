package dev.rapport.demo;

import dev.rapport.customers.CustomerBulkLoad;
import dev.rapport.sales.OrderBulkLoad;
import dev.rapport.sales.OrderLineInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo order history: {@code count} orders of 1–5 lines (3 on average) spread over the stored
 * customers in id order, dated over the last five years, in chunks of {@value #CHUNK} orders per
 * transaction. 5,000,000 lines ≈ {@code --orders 1670000}.
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
        if (count >= 50_000 && !orders.hasOrders()) {
            long[] lines = new long[1];
            orders.withIndexesDeferred(() -> lines[0] = loadChunks(count, seed, progress));
            return lines[0];
        }
        return loadChunks(count, seed, progress);
    }

    private long loadChunks(long count, long seed, LongConsumer progress) {
        List<long[]> all = new ArrayList<>();
        for (List<long[]> page = customers.idsAndOwners(0, 100_000); !page.isEmpty();
             page = customers.idsAndOwners(page.get(page.size() - 1)[0], 100_000)) {
            all.addAll(page);
        }
        if (all.isEmpty() || count <= 0) {
            return 0;
        }
        Random random = new Random(seed);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        String prefix = "DEMO-" + Long.toString(now.toEpochMilli(), 36).toUpperCase() + "-";
        long[] lines = {0};
        long done = 0;
        while (done < count) {
            int size = (int) Math.min(CHUNK, count - done);
            List<OrderBulkLoad.NewOrder> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long[] customer = all.get((int) ((done + i) % all.size()));
                int n = 1 + random.nextInt(5);
                List<OrderLineInput> ls = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    ls.add(new OrderLineInput(null, ITEMS[random.nextInt(ITEMS.length)], BigDecimal.valueOf(1 + random.nextInt(20)),
                            BigDecimal.valueOf(100 + random.nextInt(99_900), 2), BigDecimal.valueOf(random.nextInt(4) * 5L),
                            BigDecimal.valueOf(13)));
                }
                batch.add(new OrderBulkLoad.NewOrder(customer[0], customer[1], today.minusDays(random.nextInt(5 * 365)), "CNY", ls));
            }
            long first = done;
            tx.executeWithoutResult(s -> lines[0] += orders.insert(batch, prefix, first, now));
            done += size;
            progress.accept(done);
        }
        return lines[0];
    }
}

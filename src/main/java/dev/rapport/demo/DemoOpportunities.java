package dev.rapport.demo;

import dev.rapport.sales.OpportunityBulkLoad;
import dev.rapport.sales.OpportunityBulkLoad.NewOpportunity;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Demo opportunities for the customers of a chunk: {@code total} spread evenly over all customers,
 * about {@code open} of them open in the default pipeline's open stages (the board), the rest won or
 * lost at some time in the last two years, as a pipeline looks after years of use.
 */
@Component
class DemoOpportunities {

    private static final String[] PRODUCTS = {"ERP 实施", "CRM 升级", "年度维保", "数据平台", "云服务器扩容", "培训服务", "安全审计",
            "办公设备采购", "物流系统", "定制开发"};
    private static final String[] LOSS_REASONS = {"价格过高", "选择了竞争对手", "预算取消", "需求变更", "决策推迟"};

    /** What to load: {@code total} opportunities over {@code customers} customers, about {@code open} still open. */
    record Plan(int customers, int total, int open, Pipeline pipeline) {

        static Plan none() {
            return new Plan(1, 0, 0, null);
        }

        /** How many opportunities the customers [offset, offset + size) get. */
        int forChunk(long offset, int size) {
            return (int) ((offset + size) * total / customers - offset * total / customers);
        }
    }

    private final OpportunityBulkLoad bulk;

    /** Unless told otherwise, 60% of the opportunities are open, at most 10,000 (the board benchmark's size). */
    static int defaultOpen(int total) {
        return Math.min(10_000, total * 6 / 10);
    }

    DemoOpportunities(OpportunityBulkLoad bulk) {
        this.bulk = bulk;
    }

    Plan plan(int customers, int total, int open) {
        if (total <= 0 || customers <= 0) {
            return Plan.none();
        }
        return new Plan(customers, total, Math.min(open, total), bulk.pipelines().get(0));
    }

    /** Writes the chunk's share; {@code customerIds} and {@code ownerIds} are parallel. Returns how many were written. */
    /** After the last chunk: the board's rollup of closed deals is counted once, not by every worker. */
    void finish() {
        bulk.finish();
    }

    int write(Plan plan, long offset, List<Long> customerIds, List<Long> ownerIds, Random random, Instant now) {
        int n = plan.forChunk(offset, customerIds.size());
        if (n == 0 || plan.pipeline() == null) {
            return 0;
        }
        List<Stage> open = plan.pipeline().stages().stream().filter(Stage::isOpen).toList();
        Stage won = plan.pipeline().stages().stream().filter(s -> s.kind().equals("won")).findFirst().orElse(null);
        Stage lost = plan.pipeline().stages().stream().filter(s -> s.kind().equals("lost")).findFirst().orElse(null);
        double openShare = (double) plan.open() / plan.total();
        List<NewOpportunity> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(customerIds.size());
            boolean isOpen = random.nextDouble() < openShare || won == null || lost == null;
            Stage stage = isOpen ? open.get(random.nextInt(open.size())) : random.nextInt(100) < 45 ? won : lost;
            Instant created = now.minus(Duration.ofDays(isOpen ? random.nextInt(120) : 30 + random.nextInt(700)));
            Instant closed = isOpen ? null : created.plus(Duration.ofDays(random.nextInt(30)));
            if (closed != null && closed.isAfter(now)) {
                closed = now;
            }
            LocalDate close = LocalDate.ofInstant(isOpen ? now.plus(Duration.ofDays(random.nextInt(180))) : closed, ZoneOffset.UTC);
            BigDecimal amount = BigDecimal.valueOf(1_000L + random.nextInt(2_000_000)).setScale(2);
            String currency = random.nextInt(10) == 0 ? "USD" : "CNY";
            batch.add(new NewOpportunity(PRODUCTS[random.nextInt(PRODUCTS.length)] + " #" + (offset + i), customerIds.get(k),
                    plan.pipeline().id(), stage.id(), amount, currency, close, ownerIds.get(k),
                    LOSS_REASONS[random.nextInt(LOSS_REASONS.length)], created, closed));
        }
        bulk.insert(batch);
        return n;
    }
}

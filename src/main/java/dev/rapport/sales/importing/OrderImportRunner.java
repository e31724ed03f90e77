package dev.rapport.sales.importing;

import dev.rapport.customers.CustomerLookup;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.CreditPolicy;
import dev.rapport.sales.OrderLineInput;
import dev.rapport.sales.domain.OrderPricing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an order history import: rows with the same order number next to each other form one order
 * (one row per line, or one row with a total); {@value #BATCH} orders are written per transaction
 * together with the checkpoint, so memory stays bounded and a run cut short resumes after its last
 * committed batch. Each bad row is rejected with a reason; an order number already stored (an
 * earlier run of the same file) is skipped, so a re-run creates nothing new.
 */
@Component
class OrderImportRunner {

    static final int BATCH = 500;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy-M-d"));

    private final OrderImportStore store;
    private final OrderImportWriter writer;
    private final CustomerLookup lookup;
    private final UserManagement users;
    private final Support with;

    /** Transactions, time and the currency rules, grouped. */
    @Component
    static class Support {
        final TransactionTemplate tx;
        final Clock clock;
        final CreditPolicy policy;

        Support(TransactionTemplate tx, Clock clock, CreditPolicy policy) {
            this.tx = tx;
            this.clock = clock;
            this.policy = policy;
        }
    }

    OrderImportRunner(OrderImportStore store, OrderImportWriter writer, CustomerLookup lookup, UserManagement users, Support with) {
        this.store = store;
        this.writer = writer;
        this.lookup = lookup;
        this.users = users;
        this.with = with;
    }

    void run(long importId) throws Exception {
        OrderImportView job = store.find(importId).orElse(null);
        if (job == null || !job.status().equals("running")) {
            return;
        }
        CurrentUser user = users.find(job.createdBy()).flatMap(u -> users.load(u.email())).orElse(null);
        if (user == null) {
            store.finish(importId, "failed", "user gone", with.clock.instant());
            return;
        }
        Map<String, Integer> mapping = OrderImportMapping.parse(job.mapping());
        CustomerLookup.Key key = CustomerLookup.Key.valueOf(job.matchOn());
        long total = 0;
        try (OrderImportReader counter = OrderImportReader.open(job.format(), () -> store.file(importId))) {
            while (counter.next() != null) {
                total++;
            }
        }
        long rows = total;
        with.tx.executeWithoutResult(s -> store.checkpoint(importId, job.lastLine(), job.lastLine() <= 1 ? 0 : job.workDone(), 0, 0, 0));
        setTotal(importId, rows);
        try (OrderImportReader reader = OrderImportReader.open(job.format(), () -> store.file(importId))) {
            List<List<OrderImportReader.Line>> batch = new ArrayList<>();
            List<OrderImportReader.Line> group = new ArrayList<>();
            String groupNumber = null;
            long done = job.workDone();
            for (OrderImportReader.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.number() <= job.lastLine()) {
                    continue;
                }
                String number = line.value(mapping.getOrDefault("orderNumber", -1));
                if (!group.isEmpty() && (number == null || !number.equals(groupNumber))) {
                    batch.add(group);
                    group = new ArrayList<>();
                    if (batch.size() >= BATCH) {
                        done += write(importId, user, key, mapping, batch);
                        batch = new ArrayList<>();
                    }
                }
                group.add(line);
                groupNumber = number;
            }
            if (!group.isEmpty()) {
                batch.add(group);
            }
            write(importId, user, key, mapping, batch);
        }
        store.finish(importId, "done", null, with.clock.instant());
    }

    private void setTotal(long importId, long rows) {
        with.tx.executeWithoutResult(s -> store.setTotal(importId, rows));
    }

    /** Validates, matches and writes one batch with its checkpoint in one transaction; returns the rows it covered. */
    private long write(long importId, CurrentUser user, CustomerLookup.Key key, Map<String, Integer> mapping,
                       List<List<OrderImportReader.Line>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        Set<String> keys = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (List<OrderImportReader.Line> g : batch) {
            String k = g.get(0).value(mapping.getOrDefault("customerKey", -1));
            if (k != null) {
                keys.add(k);
            }
            String n = g.get(0).value(mapping.getOrDefault("orderNumber", -1));
            if (n != null) {
                numbers.add(n);
            }
        }
        long covered = batch.stream().mapToLong(List::size).sum();
        long lastLine = batch.get(batch.size() - 1).get(batch.get(batch.size() - 1).size() - 1).number();
        with.tx.executeWithoutResult(status -> {
            Map<String, Long> customers = lookup.idsBy(user, key, keys);
            Set<String> existing = writer.existing(numbers);
            Set<String> seen = new HashSet<>();
            List<OrderImportWriter.HistoryOrder> good = new ArrayList<>();
            List<OrderImportError> errors = new ArrayList<>();
            long[] skipped = {0};
            for (List<OrderImportReader.Line> g : batch) {
                OrderImportReader.Line first = g.get(0);
                String number = first.value(mapping.getOrDefault("orderNumber", -1));
                if (number != null && (existing.contains(number) || !seen.add(number))) {
                    skipped[0] += g.size();
                    errors.add(new OrderImportError(0, first.number(), "skipped", "exists", number, raw(first)));
                    continue;
                }
                String reason = null;
                String detail = null;
                Long customerId = customers.get(first.value(mapping.getOrDefault("customerKey", -1)));
                LocalDate date = date(first.value(mapping.getOrDefault("orderDate", -1)));
                String currency = with.policy.currency(first.value(mapping.getOrDefault("currency", -1)));
                if (number == null || number.length() > 40) {
                    reason = "orderNumber";
                } else if (first.value(mapping.getOrDefault("customerKey", -1)) == null || customerId == null) {
                    reason = "customerNotFound";
                    detail = first.value(mapping.getOrDefault("customerKey", -1));
                } else if (customerId == CustomerLookup.AMBIGUOUS) {
                    reason = "customerAmbiguous";
                } else if (date == null) {
                    reason = "orderDate";
                    detail = first.value(mapping.getOrDefault("orderDate", -1));
                } else if (currency == null) {
                    reason = "currency";
                }
                OrderImportWriter.HistoryOrder order = null;
                if (reason == null) {
                    try {
                        order = order(g, mapping, number, customerId, date, currency);
                    } catch (InvalidInputException | NumberFormatException e) {
                        reason = "amounts";
                        detail = e instanceof InvalidInputException ie ? ie.errors().get(0).field() : e.getMessage();
                    }
                }
                if (reason != null) {
                    for (OrderImportReader.Line l : g) {
                        errors.add(new OrderImportError(0, l.number(), "rejected", reason, detail, raw(l)));
                    }
                } else {
                    good.add(order);
                }
            }
            writer.write(good, user.id(), importId, with.clock.instant());
            if (!errors.isEmpty()) {
                store.reject(importId, errors);
            }
            long rejected = errors.stream().filter(e -> e.outcome().equals("rejected")).count();
            store.checkpoint(importId, lastLine, store.find(importId).orElseThrow().workDone() + covered, good.size(),
                    skipped[0], rejected);
        });
        return covered;
    }

    private OrderImportWriter.HistoryOrder order(List<OrderImportReader.Line> group, Map<String, Integer> mapping, String number,
                                                 long customerId, LocalDate date, String currency) {
        List<OrderLineInput> lines = new ArrayList<>();
        for (OrderImportReader.Line l : group) {
            String description = l.value(mapping.getOrDefault("description", -1));
            String quantity = l.value(mapping.getOrDefault("quantity", -1));
            String price = l.value(mapping.getOrDefault("unitPrice", -1));
            if (description != null || quantity != null || price != null) {
                lines.add(new OrderLineInput(null, description, decimal(quantity), decimal(price),
                        decimal(l.value(mapping.getOrDefault("discount", -1))), decimal(l.value(mapping.getOrDefault("taxRate", -1)))));
            }
        }
        var errors = new InvalidInputException.Collector();
        if (!lines.isEmpty()) {
            List<OrderPricing.PricedLine> priced = OrderPricing.price(lines, errors);
            errors.throwIfAny();
            return new OrderImportWriter.HistoryOrder(group.get(0).number(), number, customerId, date, currency,
                    OrderPricing.totals(priced), priced);
        }
        BigDecimal total = decimal(group.get(0).value(mapping.getOrDefault("total", -1)));
        if (total == null || total.signum() < 0) {
            throw new InvalidInputException("total", "error.order.linesOrTotal");
        }
        return new OrderImportWriter.HistoryOrder(group.get(0).number(), number, customerId, date, currency,
                OrderPricing.totalOnly(total), List.of());
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s.replace(",", "").replace("¥", "").replace("￥", "").trim());
    }

    static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        String t = s.length() > 10 && s.charAt(10) == ' ' || s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (java.time.format.DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static String raw(OrderImportReader.Line l) {
        return String.join(",", l.values().stream().map(v -> v == null ? "" : v).toList());
    }
}

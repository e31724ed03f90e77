package dev.rapport.sales.importing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.rapport.customers.CustomerLookup;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order history imports (permission {@code order:import}): upload (the file goes into the
 * database), preview with the guessed column mapping, start (queued as a background job), follow
 * the progress, list the rejected and skipped rows. An import is seen only by whoever uploaded it.
 */
@Service
public class OrderImportManagement {

    /** The first rows of a file with the mapping as guessed or set: field → column header. */
    public record Preview(OrderImportView job, List<String> headers, Map<String, String> mapping, List<List<String>> rows) {

        /** The fields an import can fill, in the order the mapping offers them. */
        public List<String> fields() {
            return OrderImportMapping.FIELDS;
        }

        /** The field each column fills (null = ignored), in column order. */
        public List<String> columnFields() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                out.add(mapping.entrySet().stream().filter(e -> header.equals(e.getValue())).map(Map.Entry::getKey).findFirst().orElse(null));
            }
            return out;
        }
    }

    private final OrderImportStore store;
    private final OrderImportRunner runner;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderImportManagement(OrderImportStore store, OrderImportRunner runner, ObjectProvider<SchedulerClient> scheduler,
                          TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.scheduler = scheduler;
        this.tx = tx;
        this.clock = clock;
    }

    public Preview upload(CurrentUser user, String fileName, InputStream in) {
        user.require("order", "import");
        if (fileName == null || !OrderImportReader.supported(fileName)) {
            throw new InvalidInputException("file", "error.orderImport.format");
        }
        String name = fileName.length() > 300 ? fileName.substring(fileName.length() - 300) : fileName;
        long id = tx.execute(s -> {
            long created = store.insert(name, OrderImportReader.format(fileName), CustomerLookup.Key.EXTERNAL_ID.name(), "", user.id(),
                    clock.instant());
            try {
                store.saveFile(created, in);
            } catch (IOException e) {
                throw new InvalidInputException("file", "error.orderImport.unreadable");
            }
            return created;
        });
        Preview p = preview(user, id);
        store.setMapping(id, OrderImportMapping.format(indexes(p.headers(), p.mapping())), guessKey(p.headers()));
        return preview(user, id);
    }

    public Preview preview(CurrentUser user, long id) {
        OrderImportView job = get(user, id);
        try (OrderImportReader reader = OrderImportReader.open(job.format(), () -> store.file(id))) {
            List<String> headers = reader.headers();
            List<List<String>> rows = new ArrayList<>();
            for (var line = reader.next(); line != null && rows.size() < 5; line = reader.next()) {
                rows.add(line.values());
            }
            Map<String, Integer> mapping = job.mapping().isBlank() ? OrderImportMapping.guess(headers) : OrderImportMapping.parse(job.mapping());
            Map<String, String> named = new LinkedHashMap<>();
            mapping.forEach((field, column) -> named.put(field, column < headers.size() ? headers.get(column) : null));
            return new Preview(job, headers, named, rows);
        } catch (Exception e) {
            throw new InvalidInputException("file", "error.orderImport.unreadable");
        }
    }

    /**
     * Fixes the customer match key (EXTERNAL_ID, CREDIT_CODE, PHONE, EMAIL) and mapping changes
     * (field → column header, blank to unmap) and queues the job, in one transaction.
     */
    public OrderImportView start(CurrentUser user, long id, String matchOn, Map<String, String> changes) {
        configure(user, id, matchOn, changes);
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("no job scheduler in this process");
        }
        tx.executeWithoutResult(s -> {
            if (!store.start(id)) {
                throw new InvalidInputException("status", "error.orderImport.started");
            }
            client.schedule(OrderImportTask.instance(id, clock.instant()));
        });
        return get(user, id);
    }

    /** {@link #start} in the caller's thread (tests, the command line); returns the finished import. */
    public OrderImportView run(CurrentUser user, long id, String matchOn, Map<String, String> changes) throws Exception {
        configure(user, id, matchOn, changes);
        if (!store.start(id)) {
            throw new InvalidInputException("status", "error.orderImport.started");
        }
        runner.run(id);
        return get(user, id);
    }

    private void configure(CurrentUser user, long id, String matchOn, Map<String, String> changes) {
        user.require("order", "import");
        Preview p = preview(user, id);
        var errors = new InvalidInputException.Collector();
        CustomerLookup.Key key = null;
        try {
            key = CustomerLookup.Key.valueOf(matchOn == null || matchOn.isBlank() ? p.job().matchOn()
                    : matchOn.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.reject("matchOn", "error.orderImport.matchOn");
        }
        Map<String, Integer> mapping = OrderImportMapping.change(OrderImportMapping.parse(p.job().mapping()),
                changes == null ? Map.of() : changes, p.headers());
        for (String required : List.of("customerKey", "orderNumber", "orderDate")) {
            if (!mapping.containsKey(required)) {
                errors.reject("mapping", "error.orderImport.unmapped", fieldName(required));
            }
        }
        if (!mapping.containsKey("total") && !(mapping.containsKey("quantity") && mapping.containsKey("unitPrice"))) {
            errors.reject("mapping", "error.orderImport.unmapped", fieldName("total"));
        }
        errors.throwIfAny();
        store.setMapping(id, OrderImportMapping.format(mapping), key.name());
    }

    public OrderImportView get(CurrentUser user, long id) {
        user.require("order", "import");
        OrderImportView job = store.find(id).orElseThrow(() -> new NotFoundException("order import", id));
        if (job.createdBy() != user.id()) {
            throw new NotFoundException("order import", id);
        }
        return job;
    }

    public List<OrderImportView> recent(CurrentUser user) {
        user.require("order", "import");
        return store.recent(user.id(), 20);
    }

    /** Rejected and skipped rows in file order, keyset on their id. */
    public List<OrderImportError> errors(CurrentUser user, long id, long afterId, int limit) {
        get(user, id);
        return store.errors(id, afterId, limit);
    }

    private static Map<String, Integer> indexes(List<String> headers, Map<String, String> named) {
        Map<String, Integer> out = new LinkedHashMap<>();
        named.forEach((f, h) -> {
            if (h != null && headers.contains(h)) {
                out.put(f, headers.indexOf(h));
            }
        });
        return out;
    }

    /** The customer column's header tells which key it holds. */
    private static String guessKey(List<String> headers) {
        for (String h : headers) {
            String l = h.toLowerCase();
            if (l.contains("credit") || l.contains("信用代码")) {
                return CustomerLookup.Key.CREDIT_CODE.name();
            }
            if (l.contains("phone") || l.contains("电话") || l.contains("手机")) {
                return CustomerLookup.Key.PHONE.name();
            }
            if (l.contains("mail") || l.contains("邮箱")) {
                return CustomerLookup.Key.EMAIL.name();
            }
        }
        return CustomerLookup.Key.EXTERNAL_ID.name();
    }

    /** A field's translated name as a message argument (the error names the field as the mapping page shows it). */
    public static org.springframework.context.MessageSourceResolvable fieldName(String field) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"orderImport.field." + field}, field);
    }
}

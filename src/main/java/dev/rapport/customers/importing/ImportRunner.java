package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import from its stored file, synchronously: counts the rows, then reads them again in
 * batches of {@value #BATCH}, each written in its own transaction so a failing batch loses only
 * its own rows (reported as rejected) and progress is visible to every node after each batch.
 */
@Component
class ImportRunner {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportStore store;
    private final CustomerRows customerRows;
    private final ContactRows contactRows;
    private final Environment env;
    private final TransactionTemplate tx;

    /** Who the job acts for and what it validates against. */
    @Component
    static class Environment {
        final UserManagement users;
        final CustomerManagement customers;
        final Clock clock;

        Environment(UserManagement users, CustomerManagement customers, Clock clock) {
            this.users = users;
            this.customers = customers;
            this.clock = clock;
        }
    }

    ImportRunner(ImportStore store, CustomerRows customerRows, ContactRows contactRows, Environment env, TransactionTemplate tx) {
        this.store = store;
        this.customerRows = customerRows;
        this.contactRows = contactRows;
        this.env = env;
        this.tx = tx;
    }

    /** Runs the import to its end and returns the final state; {@code progress} sees it after each batch. */
    ImportJob run(long importId, Consumer<ImportJob> progress) {
        ImportJob job = store.find(importId).orElseThrow();
        try {
            CurrentUser user = env.users.find(job.userId()).flatMap(u -> env.users.load(u.email()))
                    .orElseThrow(() -> new IllegalStateException("the importing user is no longer active"));
            RecordType type = RecordType.parse(job.type());
            user.require(type.entity(), "import");
            Path file = Path.of(job.storedFile());
            String ext = RowSources.extension(file.getFileName().toString());
            long total = count(file, ext);
            store.start(importId, total, env.clock.instant());
            ImportContext ctx = context(job, user, type);
            ImportCounts counts = ImportCounts.zero();
            try (RowSource source = RowSources.open(file, ext)) {
                List<String> fields = job.fields().size() == source.headers().size() ? job.fields()
                        : ColumnMapping.guess(type, source.headers(), ctx.validation().customFields());
                List<MappedRow> batch = new ArrayList<>(BATCH);
                for (SourceRow row = source.next(); row != null; row = source.next()) {
                    batch.add(MappedRow.of(row, fields));
                    if (batch.size() == BATCH) {
                        counts = counts.plus(writeBatch(ctx, batch));
                        report(importId, counts, progress);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    counts = counts.plus(writeBatch(ctx, batch));
                }
            }
            store.progress(importId, counts);
            store.finish(importId, ImportJob.DONE, null, env.clock.instant());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed: {}", importId, e.toString());
            store.finish(importId, ImportJob.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    env.clock.instant());
        }
        ImportJob done = store.find(importId).orElseThrow();
        progress.accept(done);
        return done;
    }

    private void report(long importId, ImportCounts counts, Consumer<ImportJob> progress) {
        store.progress(importId, counts);
        progress.accept(store.find(importId).orElseThrow());
    }

    private ImportCounts writeBatch(ImportContext ctx, List<MappedRow> rows) {
        BatchResult result;
        try {
            result = tx.execute(status -> ctx.type() == RecordType.CUSTOMERS ? customerRows.write(ctx, rows) : contactRows.write(ctx, rows));
        } catch (RuntimeException e) {
            log.warn("Import {}: batch from line {} failed: {}", ctx.importId(), rows.get(0).line(), e.toString());
            result = new BatchResult();
            for (MappedRow row : rows) {
                result.reject(row, RejectReason.encode("row", "error.import.batchFailed"));
            }
        }
        store.insertErrors(ctx.importId(), result.rejected);
        return result.counts(rows.size());
    }

    private ImportContext context(ImportJob job, CurrentUser user, RecordType type) {
        ValidationContext validation = env.customers.validationContext(user);
        List<UserSummary> active = env.users.all().stream().filter(UserSummary::active).toList();
        Map<String, List<Long>> names = active.stream()
                .collect(Collectors.groupingBy(UserSummary::name, Collectors.mapping(UserSummary::id, Collectors.toList())));
        Map<String, Long> byName = new HashMap<>();
        names.forEach((name, ids) -> {
            if (ids.size() == 1) {
                byName.put(name, ids.get(0));
            }
        });
        var owners = new InputBuilder.Owners(validation.userIdsByEmail(), byName);
        return new ImportContext(job.id(), job.fileName(), user, env.users.scopeOf(user), type, ImportMode.parse(job.mode()),
                MatchKey.parse(job.matchOn()), validation, new InputBuilder(owners));
    }

    private static long count(Path file, String ext) throws IOException {
        long n = 0;
        try (RowSource source = RowSources.open(file, ext)) {
            while (source.next() != null) {
                n++;
            }
        }
        return n;
    }
}

package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import from its file in the caller's thread, batch by batch (see
 * {@link BatchPipeline}). Each batch is written in its own transaction together with its rejected
 * and skipped rows and the checkpoint (last line, counts), so a failing batch loses only its own
 * rows (reported as rejected), progress is visible to every node after each batch, and a run
 * started again after its node died resumes after the checkpoint without counting anything twice.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int WRITERS = 2;

    private final ImportStore store;
    private final ImportFiles files;
    private final CustomerRows customerRows;
    private final ContactRows contactRows;
    private final Environment env;
    private final ImportTypes types;

    /** Who the job acts for, what it validates against, and how it writes. */
    @Component
    static class Environment {
        final UserManagement users;
        final CustomerManagement customers;
        final Clock clock;
        final TransactionTemplate tx;
        final int batchSize;
        final ImportTypes types;

        Environment(UserManagement users, CustomerManagement customers, Clock clock, TransactionTemplate tx,
                    @Value("${rapport.import.batch-size:5000}") int batchSize, ImportTypes types) {
            this.types = types;
            this.users = users;
            this.customers = customers;
            this.clock = clock;
            this.tx = tx;
            this.batchSize = batchSize;
        }
    }

    /** Thrown inside a batch transaction when another run of the same import has moved the checkpoint. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }

    ImportRunner(ImportStore store, ImportFiles files, CustomerRows customerRows, ContactRows contactRows, Environment env) {
        this.store = store;
        this.files = files;
        this.customerRows = customerRows;
        this.contactRows = contactRows;
        this.env = env;
        this.types = env.types;
    }

    ImportTypes types() {
        return types;
    }

    /** Runs the stored upload of an import to its end; see {@link #run(long, FileContent, Consumer, BooleanSupplier, int)}. */
    ImportJob run(long importId, Consumer<ImportJob> progress, BooleanSupplier stop) {
        return run(importId, null, progress, stop, env.batchSize);
    }

    /** Runs an import from the given file; see {@link #run(long, FileContent, Consumer, BooleanSupplier, int)}. */
    ImportJob run(long importId, FileContent content, Consumer<ImportJob> progress, BooleanSupplier stop) {
        return run(importId, content, progress, stop, env.batchSize);
    }

    /**
     * Runs (or resumes) an import and returns its state afterwards: finished, or still running when
     * {@code stop} asked it to stop between batches or another run of it took over.
     *
     * @param content  the file, or null for the upload stored with the import
     * @param progress sees the import after each committed batch
     */
    ImportJob run(long importId, FileContent content, Consumer<ImportJob> progress, BooleanSupplier stop, int batchSize) {
        ImportJob job = store.find(importId).orElseThrow();
        if (job.finished() || ImportJob.PREVIEW.equals(job.status())) {
            return job;
        }
        try {
            CurrentUser user = env.users.find(job.userId()).flatMap(u -> env.users.load(u.email()))
                    .orElseThrow(() -> new IllegalStateException("the importing user is no longer active"));
            ImportTypes.Spec type = types.find(job.type()).orElseThrow(() -> new IllegalStateException("unknown import type"));
            user.require(type.entity(), "import");
            FileContent file = content != null ? content : files.content(importId, job.fileSize());
            try (RowSource source = RowSources.open(file, RowSources.extension(job.fileName()))) {
                if (!store.start(importId, source.length(), env.clock.instant())) {
                    return store.find(importId).orElseThrow();
                }
                ImportContext ctx = context(job, user, type);
                List<String> fields = job.fields().size() == source.headers().size() ? job.fields()
                        : type.guess(source.headers(), ctx.validation().customFields());
                boolean complete = batches(ctx, rowsOf(type), source, fields, job.lastLine(), progress, stop, batchSize);
                if (!complete) {
                    return store.find(importId).orElseThrow();
                }
            }
            finish(importId, ImportJob.DONE, null);
        } catch (Superseded e) {
            log.info("Import {}: another run took over", importId);
            return store.find(importId).orElseThrow();
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed: {}", importId, describe(e));
            finish(importId, ImportJob.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        ImportJob done = store.find(importId).orElseThrow();
        progress.accept(done);
        return done;
    }

    /**
     * Writes every batch after {@code lastLine}; false when stopped before the end. Batches that
     * only insert are written {@value #WRITERS} at a time, each in its own database session, so the
     * database works on both cores (index upkeep, the trigram index above all, is most of an
     * import's cost); they still commit in file order, so the checkpoint only moves forward, and a
     * batch treats the rows of the batch still being written before it as already seen. Updates
     * need the previous batch committed, so update mode writes one batch at a time.
     */
    private <I, V> boolean batches(ImportContext ctx, RecordRows<I, V> rows, RowSource source, List<String> fields, long lastLine,
                                   Consumer<ImportJob> progress, BooleanSupplier stop, int batchSize) throws IOException {
        int writers = ctx.mode() == ImportMode.UPDATE ? 1 : WRITERS;
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers,
                r -> new Thread(r, "import-" + ctx.importId() + "-writer-" + threads.incrementAndGet()));
        Deque<CompletableFuture<Long>> inFlight = new ArrayDeque<>();
        CompletableFuture<Long> previous = CompletableFuture.completedFuture(lastLine);
        Map<String, Long> earlier = Map.of();
        boolean stopped = false;
        try (BatchPipeline<Prepared<I, V>> pipeline = new BatchPipeline<>(source, fields, lastLine, batchSize,
                batch -> rows.prepare(ctx, batch), "import-" + ctx.importId() + "-reader")) {
            for (BatchPipeline.Batch<Prepared<I, V>> next = pipeline.next(); next != null; next = pipeline.next()) {
                BatchPipeline.Batch<Prepared<I, V>> batch = next;
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                while (inFlight.size() >= writers) {
                    await(inFlight.removeFirst(), ctx, progress);
                }
                CompletableFuture<Long> after = previous;
                Map<String, Long> pending = earlier;
                previous = CompletableFuture.supplyAsync(() -> write(ctx, rows, batch, pending, after), pool);
                inFlight.addLast(previous);
                earlier = writers > 1 ? batch.prepared().seen() : Map.of();
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst(), ctx, progress);
            }
            return !stopped;
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    private void await(CompletableFuture<Long> batch, ImportContext ctx, Consumer<ImportJob> progress) {
        try {
            batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        progress.accept(store.find(ctx.importId()).orElseThrow());
    }

    /** Batches already handed to writers finish (or fail) on their own; leaving them running would outlive the job. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                log.warn("Import writers still busy after five minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes a batch in its transaction, then waits for the previous batch to commit before
     * recording the checkpoint and committing; a previous batch that failed fails this one too.
     */
    private <I, V> long write(ImportContext ctx, RecordRows<I, V> rows, BatchPipeline.Batch<Prepared<I, V>> batch,
                              Map<String, Long> earlier, CompletableFuture<Long> previous) {
        try {
            return env.tx.execute(status -> {
                BatchResult result = rows.write(ctx, batch.prepared(), earlier);
                return commit(ctx, result, batch, previous.join());
            });
        } catch (Superseded | CompletionException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Import {}: batch from line {} failed: {}", ctx.importId(), batch.rows().get(0).line(), describe(e));
            BatchResult failed = new BatchResult();
            for (MappedRow row : batch.rows()) {
                failed.reject(row, RejectReason.encode("row", "error.import.batchFailed"));
            }
            return env.tx.execute(status -> commit(ctx, failed, batch, previous.join()));
        }
    }

    /** The batch's report rows and the checkpoint, in the batch's transaction. */
    private long commit(ImportContext ctx, BatchResult result, BatchPipeline.Batch<?> batch, long expectedLine) {
        store.insertReported(ctx.importId(), result.reported);
        if (!store.checkpoint(ctx.importId(), expectedLine, batch.lastLine(), result.counts(batch.rows().size()), batch.position())) {
            throw new Superseded();
        }
        return batch.lastLine();
    }

    /**
     * What went wrong, for the log: exception types and SQL states, not messages, which may quote
     * the imported data (H2 puts the offending value into its errors).
     */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                sb.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return sb.toString();
    }

    /** The end of an import: its file is no longer needed (rejected and skipped rows are kept apart). */
    private void finish(long importId, String status, String message) {
        env.tx.executeWithoutResult(s -> {
            store.finish(importId, status, message, env.clock.instant());
            files.delete(importId);
        });
    }

    private RecordRows<?, ?> rowsOf(ImportTypes.Spec type) {
        if (type.plugged() != null) {
            return new PluggedRows<>(type.plugged());
        }
        return type.builtIn() == RecordType.CUSTOMERS ? customerRows : contactRows;
    }

    private ImportContext context(ImportJob job, CurrentUser user, ImportTypes.Spec type) {
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
}

package dev.rapport.customers.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads and prepares the next batches on a thread of its own while the caller writes the current
 * one: parsing, validation and normalization (phone numbers, pinyin) cost about as much CPU as the
 * database spends writing, so on two cores doing them one after the other would leave one idle.
 * At most {@value #AHEAD} prepared batches wait, so memory stays bounded whatever the file size.
 *
 * @param <P> a prepared batch
 */
final class BatchPipeline<P> implements AutoCloseable {

    /** A prepared batch with the last line it covers and how far into the file that is. */
    record Batch<P>(List<MappedRow> rows, P prepared, long lastLine, long position) {
    }

    private static final int AHEAD = 2;
    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;

    /**
     * @param afterLine rows up to this line are passed over: they were committed by an earlier run
     */
    BatchPipeline(RowSource source, List<String> fields, long afterLine, int batchSize,
                  Function<List<MappedRow>, P> prepare, String name) {
        reader = new Thread(() -> read(source, fields, afterLine, batchSize, prepare), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(RowSource source, List<String> fields, long afterLine, int batchSize, Function<List<MappedRow>, P> prepare) {
        try {
            List<MappedRow> rows = new ArrayList<>(batchSize);
            for (SourceRow row = source.next(); row != null && !closed; row = source.next()) {
                if (row.line() <= afterLine) {
                    continue;
                }
                rows.add(MappedRow.of(row, fields));
                if (rows.size() == batchSize) {
                    hand(new Batch<>(rows, prepare.apply(rows), row.line(), source.position()));
                    rows = new ArrayList<>(batchSize);
                }
            }
            if (!rows.isEmpty()) {
                hand(new Batch<>(rows, prepare.apply(rows), rows.get(rows.size() - 1).line(), source.position()));
            }
            hand(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            try {
                hand(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hand(Object item) throws InterruptedException {
        while (!closed) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** The next batch in file order, or null after the last; rethrows what reading or preparing threw. */
    @SuppressWarnings("unchecked")
    Batch<P> next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure f) {
            ended = true;
            if (f.cause() instanceof IOException io) {
                throw io;
            }
            if (f.cause() instanceof RuntimeException r) {
                throw r;
            }
            if (f.cause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(f.cause());
        }
        return (Batch<P>) item;
    }

    /**
     * Stops the reader and waits for it. It is told by a flag, not interrupted: an interrupt during
     * file I/O can close an embedded H2 database's file channel.
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.rapport.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One counter per kind of configuration a node keeps in memory (the identity directory, custom
 * field definitions, assignment rules), in the table {@code cache_generations}. A write moves its
 * kind's counter in its own transaction; every node compares the counter with the one its copy
 * was read at and reloads when it moved, so a change made on one node shows on every node at its
 * next request.
 *
 * <p>The counters are read together, once per HTTP request (a request sees one state of the
 * configuration, as if it had read it all at its start), and on every look-up outside a request.
 * A transaction that moved a counter reads them again each time, so it sees its own change.
 */
@Component
public class CacheGenerations {

    private static final Object MOVED_HERE = new Object();

    /** The counters read in the current HTTP request: present (and empty until the first look-up) only while one runs. */
    private static final ThreadLocal<Map<String, Long>> REQUEST = new ThreadLocal<>();

    private final JdbcClient jdbc;

    CacheGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counter of one kind (0 for a kind never moved). */
    public long current(String kind) {
        Long g = counters().get(kind);
        return g == null ? 0 : g;
    }

    /**
     * Moves a kind's counter, in the caller's transaction. Call it <em>before</em> writing the
     * configuration: from then on, a copy read in this transaction is kept only for it (see
     * {@link #cache}), never shared under a number another transaction may commit.
     */
    public void bump(String kind) {
        int n = jdbc.sql("update cache_generations set generation = generation + 1 where name = :name").param("name", kind).update();
        if (n == 0) {
            jdbc.sql("insert into cache_generations (name, generation) values (:name, 1)").param("name", kind).update();
        }
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(MOVED_HERE)) {
            TransactionSynchronizationManager.bindResource(MOVED_HERE, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MOVED_HERE);
                    forget();
                }
            });
        }
    }

    /** True while the current transaction has moved a counter: what it reads may be its own uncommitted change. */
    public boolean movedInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(MOVED_HERE);
    }

    /** A node-wide copy of one kind of configuration, read again when its counter moves. */
    public <T> Cached<T> cache(String kind, Supplier<T> loader) {
        return new Cached<>(this, kind, loader);
    }

    private Map<String, Long> counters() {
        Map<String, Long> request = movedInThisTransaction() ? null : REQUEST.get();
        if (request != null && !request.isEmpty()) {
            return request;
        }
        Map<String, Long> counters = new HashMap<>();
        jdbc.sql("select name, generation from cache_generations")
                .query(rs -> {
                    counters.put(rs.getString(1), rs.getLong(2));
                });
        if (request != null) {
            request.putAll(counters);
        }
        return counters;
    }

    private static void forget() {
        Map<String, Long> request = REQUEST.get();
        if (request != null) {
            request.clear();
        }
    }

    /**
     * Runs {@code work} as one request: the counters are read at most once (again after a move),
     * then forgotten. HTTP requests run this way (see {@link RequestScope}).
     */
    public static void inRequest(ThrowingRunnable work) throws IOException, ServletException {
        Map<String, Long> outer = REQUEST.get();
        REQUEST.set(new HashMap<>());
        try {
            work.run();
        } finally {
            if (outer == null) {
                REQUEST.remove();
            } else {
                REQUEST.set(outer);
            }
        }
    }

    /** Work that may fail as a servlet filter chain does. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws IOException, ServletException;
    }

    /** Makes every HTTP request (API and pages, before security) one scope of {@link #inRequest}. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RequestScope implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            inRequest(() -> chain.doFilter(request, response));
        }
    }

    /** See {@link CacheGenerations#cache}. */
    public static final class Cached<T> {

        private record Copy<T>(long generation, T value) {
        }

        private final CacheGenerations generations;
        private final String kind;
        private final Supplier<T> loader;
        private volatile Copy<T> shared;

        private Cached(CacheGenerations generations, String kind, Supplier<T> loader) {
            this.generations = generations;
            this.kind = kind;
            this.loader = loader;
        }

        public T get() {
            long generation = generations.current(kind);
            Copy<T> copy = shared;
            if (copy != null && copy.generation() == generation) {
                return copy.value();
            }
            T value = loader.get();
            if (!generations.movedInThisTransaction()) {
                shared = new Copy<>(generation, value);
            }
            return value;
        }
    }
}

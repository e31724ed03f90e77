package dev.rapport.identity.domain;

import dev.rapport.platform.CacheGenerations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current {@link Directory}. Each look-up compares the identity counter of
 * {@link CacheGenerations} (read once per request) with the node's snapshot and reuses the
 * snapshot while the counter has not moved; every identity write moves it (see
 * {@link IdentityStore}), so this and every other node reload at their next request.
 *
 * <p>A snapshot read inside a transaction may hold that transaction's uncommitted writes, so it is
 * used for that look-up but never shared.
 */
@Component
public class DirectoryCache {

    /** The {@link CacheGenerations} kind every identity write moves (a user, role or department changed). */
    public static final String KIND = "identity";

    private final IdentityStore store;
    private final CacheGenerations generations;
    private volatile Directory shared;

    DirectoryCache(IdentityStore store, CacheGenerations generations) {
        this.store = store;
        this.generations = generations;
    }

    public Directory get() {
        long generation = generations.current(KIND);
        Directory d = shared;
        if (d != null && d.generation() == generation) {
            return d;
        }
        d = store.directory(generation);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            shared = d;
        }
        return d;
    }
}

package dev.rapport.identity.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current {@link Directory}. Each look-up reads the generation counter (one row by primary
 * key) and reuses the node's snapshot while the counter has not moved; every identity write moves
 * it (see {@link IdentityStore}), so this and every other node reload at their next look-up.
 *
 * <p>A snapshot read inside a transaction may hold that transaction's uncommitted writes, so it is
 * used for that look-up but never shared.
 */
@Component
public class DirectoryCache {

    private final IdentityStore store;
    private volatile Directory shared;

    DirectoryCache(IdentityStore store) {
        this.store = store;
    }

    public Directory get() {
        long generation = store.generation();
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

package dev.rapport.identity.domain;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The current {@link Directory}. A request reads the generation counter once and reuses the
 * node's snapshot while the counter has not moved; every identity write moves it (see
 * {@link IdentityStore}), so other nodes reload at their next request.
 *
 * <p>A snapshot read inside a transaction may hold that transaction's uncommitted writes, so it is
 * used for the request but never shared; a write also drops the request's snapshot so the rest of
 * the request sees it.
 */
@Component
public class DirectoryCache {

    private static final String REQUEST_KEY = DirectoryCache.class.getName();

    private final IdentityStore store;
    private volatile Directory shared;

    DirectoryCache(IdentityStore store) {
        this.store = store;
    }

    public Directory get() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof Directory memo) {
            return memo;
        }
        long generation = store.generation();
        Directory d = shared;
        if (d == null || d.generation() != generation) {
            d = store.directory(generation);
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                shared = d;
            }
        }
        if (request != null) {
            request.setAttribute(REQUEST_KEY, d, RequestAttributes.SCOPE_REQUEST);
        }
        return d;
    }

    /** Called by every identity write, after the counter moved. */
    static void changedInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST);
        }
    }
}

package dev.rapport.customers.query;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerRow;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The one search box: customers and contacts matching a term, within the user's data scope and
 * permissions. The two queries are independent and each can spend tens of milliseconds in the
 * trigram index for a common term, so the contacts query runs on a small pool while the request
 * thread asks for customers; when the pool is busy the request thread runs both itself.
 */
@Component
public class CustomerSearch implements DisposableBean {

    /** Matching customers and contacts, newest first. */
    public record Result(List<CustomerRow> customers, List<ContactQuery.ContactRow> contacts) {
    }

    private final CustomerQuery customers;
    private final ContactQuery contacts;
    private final ThreadPoolExecutor pool;

    CustomerSearch(CustomerQuery customers, ContactQuery contacts, @Value("${rapport.search.threads:4}") int threads) {
        this.customers = customers;
        this.contacts = contacts;
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads),
                new CustomizableThreadFactory("search-"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    public Result search(CurrentUser user, OwnerScope scope, String q, int limit) {
        CompletableFuture<List<ContactQuery.ContactRow>> contactRows = user.can("contact", "view")
                ? CompletableFuture.supplyAsync(() -> contacts.list(q, null, null, Map.of(), scope, null, limit).items(), pool)
                : CompletableFuture.completedFuture(List.of());
        List<CustomerRow> customerRows = user.can("customer", "view")
                ? customers.list(CustomerFilter.from(Map.of("q", q)), scope, null, limit).items() : List.of();
        try {
            return new Result(customerRows, contactRows.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}

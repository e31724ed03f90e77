package dev.rapport.customers;

import dev.rapport.customers.domain.ContactValidator;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.ValidContact;
import dev.rapport.customers.domain.ValidCustomer;
import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.BulkInsert;
import dev.rapport.platform.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Loads large numbers of customers and contacts that a trusted program produced (demo data,
 * benchmarks): every record goes through the same validation and normalization as a record typed
 * into the UI, so phone, e-mail, search text and name key are stored exactly as the application
 * stores them, but rows are written with COPY or JDBC batches instead of one by one, and nothing is
 * audited (there is no human change to record; the status history is written). An invalid record
 * fails the whole call. Custom fields are not loaded.
 */
@Service
public class CustomerBulkLoad {

    /** A customer to load; its status history is initial status at {@code createdAt}, then the input's status. */
    public record NewCustomer(CustomerInput input, Instant createdAt, CustomerStatus initialStatus, Instant statusChangedAt) {
    }

    /** A contact to load; {@code companyName} is the organization's name, kept in the search text. */
    public record NewContact(ContactInput input, String companyName, Instant createdAt) {
    }

    private static final List<String> CUSTOMER_COLUMNS = List.of("type", "name", "phone", "phone_normalized", "email",
            "email_normalized", "credit_code", "province", "city", "district", "street", "industry", "source", "tags",
            "birthday", "status", "tier", "owner_id", "external_id", "notes", "search_text", "name_key", "version",
            "created_at", "updated_at", "owned_since");
    private static final List<String> HISTORY_COLUMNS = List.of("customer_id", "from_status", "to_status", "reason",
            "changed_by", "changed_at");
    private static final List<String> CONTACT_COLUMNS = List.of("customer_id", "name", "title", "phone", "phone_normalized",
            "email", "email_normalized", "birthday", "owner_id", "external_id", "notes", "search_text", "version",
            "created_at", "updated_at");

    private final CustomerValidator customers;
    private final ContactValidator contacts;
    private final BulkInsert bulk;
    private final UserManagement users;
    private final dev.rapport.customers.domain.CustomerStore store;
    private final Pools pools;

    CustomerBulkLoad(CustomerValidator customers, ContactValidator contacts, BulkInsert bulk, UserManagement users,
                     dev.rapport.customers.domain.CustomerStore store, Pools pools) {
        this.store = store;
        this.pools = pools;
        this.customers = customers;
        this.contacts = contacts;
        this.bulk = bulk;
        this.users = users;
    }

    /** Inserts the customers with their status history; returns their ids in order. Call inside a transaction. */
    public List<Long> insertCustomers(List<NewCustomer> batch) {
        ValidationContext ctx = context();
        List<Object[]> rows = new ArrayList<>(batch.size());
        List<ValidCustomer> valid = new ArrayList<>(batch.size());
        for (NewCustomer n : batch) {
            var errors = new InvalidInputException.Collector();
            ValidCustomer c = customers.validate(n.input(), ctx, errors);
            errors.throwIfAny();
            valid.add(c);
            Instant updated = n.statusChangedAt() != null && n.statusChangedAt().isAfter(n.createdAt()) ? n.statusChangedAt() : n.createdAt();
            rows.add(new Object[] {c.type().key(), c.name(), c.phone(), c.phoneNormalized(), c.email(), c.emailNormalized(),
                    c.creditCode(), c.province(), c.city(), c.district(), c.street(), c.industry(), c.source(), c.tags(),
                    c.birthday(), c.status().key(), c.tier().key(), c.ownerId(), c.externalId(), c.notes(), c.searchText(),
                    c.nameKey(), 0L, n.createdAt(), updated, n.createdAt()});
        }
        List<Long> ids = bulk.insert("customers", CUSTOMER_COLUMNS, rows);
        List<Object[]> history = new ArrayList<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            NewCustomer n = batch.get(i);
            ValidCustomer c = valid.get(i);
            CustomerStatus first = n.initialStatus() == null ? c.status() : n.initialStatus();
            history.add(new Object[] {ids.get(i), null, first.key(), null, c.ownerId(), n.createdAt()});
            if (first != c.status()) {
                history.add(new Object[] {ids.get(i), first.key(), c.status().key(), null, c.ownerId(),
                        n.statusChangedAt() == null ? n.createdAt() : n.statusChangedAt()});
            }
        }
        bulk.insert("customer_status_history", HISTORY_COLUMNS, history);
        store.writeTags(ids, valid.stream().map(ValidCustomer::tags).toList());
        return ids;
    }

    /** Inserts contacts of customers loaded before; returns their ids in order. Call inside a transaction. */
    public List<Long> insertContacts(List<NewContact> batch) {
        ValidationContext ctx = context();
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (NewContact n : batch) {
            var errors = new InvalidInputException.Collector();
            ValidContact k = contacts.validate(n.input(), n.companyName(), null, ctx, errors);
            errors.throwIfAny();
            rows.add(new Object[] {k.customerId(), k.name(), k.title(), k.phone(), k.phoneNormalized(), k.email(),
                    k.emailNormalized(), k.birthday(), k.ownerId(), k.externalId(), k.notes(), k.searchText(), 0L,
                    n.createdAt(), n.createdAt()});
        }
        return bulk.insert("contacts", CONTACT_COLUMNS, rows);
    }

    /** Runs a large load into empty tables with this module's secondary indexes built once at the end. */
    public void withIndexesDeferred(Runnable work) {
        bulk.withIndexesDeferred(List.of("customers", "contacts", "customer_status_history"), work);
    }

    /**
     * Customers that have bought, for loaders of order history: owned customers whose status is
     * current or lost, after an id, in id order, with the time they were created and last changed
     * (a loaded customer's last change is its last status change).
     */
    public List<Buyer> buyers(long afterId, int limit) {
        return store.buyers(afterId, limit);
    }

    /** A customer that bought: current now, or lost after buying. */
    public record Buyer(long id, long ownerId, CustomerStatus status, Instant createdAt, Instant changedAt) {
    }

    /**
     * Records the latest purchase day of customers whose order history was loaded (the public
     * pool's "did not buy within M days" rule reads it); an earlier day never replaces a later one.
     * Statuses are not moved: the loader decided them. Call inside a transaction.
     */
    public void recordPurchases(Map<Long, java.time.LocalDate> latest) {
        store.recordPurchases(latest);
    }

    /**
     * The pool named {@code input.name()}, created by the system (audited without a user) when
     * there is none of that name yet; returns its id. For demo data: loading twice makes one pool.
     */
    public long ensurePool(PoolInput input) {
        return pools.all().stream().filter(p -> p.name().equals(input.name())).map(Pool::id).findFirst()
                .orElseGet(() -> pools.createBySystem(input).id());
    }

    /** Puts loaded customers into a pool without an owner, as if released long ago. Call inside a transaction. */
    public void placeInPool(List<Long> ids, long poolId) {
        store.placeInPool(ids, poolId);
    }

    /** Whether any customer exists, e.g. to load demo data only into an empty database. */
    public boolean hasCustomers() {
        return bulk.exists("customers");
    }

    private ValidationContext context() {
        List<UserSummary> all = users.all();
        Set<Long> active = all.stream().filter(UserSummary::active).map(UserSummary::id).collect(Collectors.toSet());
        long anyone = active.stream().findFirst().orElse(0L);
        return new ValidationContext(active, Map.of(), List.of(), anyone);
    }
}

package dev.rapport.demo;

import dev.rapport.activities.ActivityBulkLoad;
import dev.rapport.activities.ActivityBulkLoad.NewActivity;
import dev.rapport.customers.ContactInput;
import dev.rapport.customers.CustomerBulkLoad;
import dev.rapport.customers.CustomerBulkLoad.NewContact;
import dev.rapport.customers.CustomerBulkLoad.NewCustomer;
import dev.rapport.customers.PoolInput;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set: staff first, then customers in chunks, each chunk (customers, status
 * history, contacts, activities) in one transaction so an interrupted run leaves whole customers.
 */
@Component
class DemoDataLoader {

    /** Seed used unless the caller picks another: the same seed gives the same names, companies and numbers. */
    static final long DEFAULT_SEED = 20261122L;
    private static final int CHUNK = 2_000;
    /** Below this, keeping indexes up to date costs less than building them again. */
    private static final int DEFER_INDEXES_FROM = 50_000;

    /** What was loaded. */
    record Result(long customers, long contacts, long activities, long opportunities, StaffPlan staff) {
    }

    private final DemoStaff staff;
    private final CustomerBulkLoad customers;
    private final ActivityBulkLoad activities;
    private final DemoOpportunities opportunities;
    private final TransactionTemplate tx;
    private final Clock clock;

    // one loader per module's bulk API, so six collaborators: the loader is the place that ties them together
    DemoDataLoader(DemoStaff staff, CustomerBulkLoad customers, ActivityBulkLoad activities, DemoOpportunities opportunities,
                   TransactionTemplate tx, Clock clock) {
        this.staff = staff;
        this.opportunities = opportunities;
        this.customers = customers;
        this.activities = activities;
        this.tx = tx;
        this.clock = clock;
    }

    /** Loads {@code count} customers; {@code progress} gets the number of customers done after each chunk. */
    Result load(int count, long seed, LongConsumer progress) {
        return load(count, count / 10, DemoOpportunities.defaultOpen(count / 10), seed, progress);
    }

    /** Also loads {@code deals} opportunities over the customers, about {@code openDeals} of them open. */
    Result load(int count, int deals, int openDeals, long seed, LongConsumer progress) {
        return load(count, deals, openDeals, DemoStaff.BASE_REPS, seed, progress);
    }

    /** Also makes the company at least {@code reps} sales reps strong; customers are spread over all of them. */
    Result load(int count, int deals, int openDeals, int reps, long seed, LongConsumer progress) {
        StaffPlan plan = staff.create(reps);
        DemoOpportunities.Plan dealPlan = opportunities.plan(count, deals, openDeals);
        long pool = customers.ensurePool(new PoolInput(POOL_NAME, POOL_DESCRIPTION, 50, 90, null, 7, true, true,
                plan.salesDepartments()));
        if (count >= DEFER_INDEXES_FROM && !customers.hasCustomers()) {
            Result[] result = new Result[1];
            customers.withIndexesDeferred(() -> activities.withIndexesDeferred(
                    () -> result[0] = loadChunks(count, seed, plan, dealPlan, pool, progress)));
            return result[0];
        }
        return loadChunks(count, seed, plan, dealPlan, pool, progress);
    }

    /**
     * The demo's public pool: the default pool of the sales regions, so owned customers nobody
     * followed up within 90 days go back to it (owners are warned 7 days ahead), and a rep may hold
     * 50 customers claimed from it. About one customer in fifteen (potential, target or lost ones)
     * waits in it unowned.
     */
    static final String POOL_NAME = "公海客户池";
    private static final String POOL_DESCRIPTION = "90 天未跟进自动回收，提前 7 天提醒。"
            + " Customers without follow-up for 90 days come back here; owners are warned 7 days ahead.";

    private static boolean waitsInPool(CustomerFactory.Planned p, long seq) {
        String status = p.customer().input().status();
        return seq % 10 == 3 && ("potential".equals(status) || "target".equals(status) || "lost".equals(status));
    }

    /**
     * Chunks are made and written by one worker per core: making a chunk (names, pinyin, phone
     * parsing) costs as much as writing it, so one thread would leave a core idle. Each chunk has
     * its own seed and numbering, so the data set is the same whatever the interleaving.
     */
    private Result loadChunks(int count, long seed, StaffPlan plan, DemoOpportunities.Plan dealPlan, long poolId,
                              LongConsumer progress) {
        Instant now = clock.instant();
        int chunks = (count + CHUNK - 1) / CHUNK;
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong contacts = new AtomicLong();
        AtomicLong acts = new AtomicLong();
        AtomicLong deals = new AtomicLong();
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), chunks));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (int i = nextChunk.getAndIncrement(); i < chunks; i = nextChunk.getAndIncrement()) {
                        int size = Math.min(CHUNK, count - i * CHUNK);
                        CustomerFactory factory = new CustomerFactory(seed * 1_000_003L + i, plan, now, (long) i * CHUNK);
                        ActivityFactory activityFactory = new ActivityFactory(factory.random(), now);
                        List<CustomerFactory.Planned> chunk = new ArrayList<>(size);
                        for (int k = 0; k < size; k++) {
                            chunk.add(factory.next());
                        }
                        long[] totals = new long[4];
                        long offset = (long) i * CHUNK;
                        tx.executeWithoutResult(status -> writeChunk(chunk, activityFactory, dealPlan, offset, poolId, now, totals));
                        deals.addAndGet(totals[3]);
                        contacts.addAndGet(totals[1]);
                        acts.addAndGet(totals[2]);
                        long total = done.addAndGet(size);
                        synchronized (progress) {
                            progress.accept(total);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            opportunities.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data load interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(done.get(), contacts.get(), acts.get(), deals.get(), plan);
    }

    private void writeChunk(List<CustomerFactory.Planned> chunk, ActivityFactory activityFactory, DemoOpportunities.Plan dealPlan,
                            long offset, long pool, Instant now, long[] totals) {
        List<Long> ids = customers.insertCustomers(chunk.stream().map(CustomerFactory.Planned::customer).toList());
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            CustomerFactory.Planned p = chunk.get(i);
            for (ContactInput k : p.contacts()) {
                contacts.add(new NewContact(new ContactInput(ids.get(i), k.name(), k.title(), k.phone(), k.email(), k.birthday(),
                        k.ownerId(), k.externalId(), k.notes(), k.customFields()), p.customer().input().name(),
                        p.customer().createdAt()));
            }
        }
        List<Long> contactIds = customers.insertContacts(contacts);
        List<NewActivity> acts = new ArrayList<>(chunk.size() * 11);
        int k = 0;
        for (int i = 0; i < chunk.size(); i++) {
            CustomerFactory.Planned p = chunk.get(i);
            int n = p.contacts().size();
            NewCustomer c = p.customer();
            activityFactory.forCustomer(ids.get(i), contactIds.subList(k, k + n), c.input().ownerId(), c.createdAt(), acts);
            k += n;
        }
        activities.insert(acts, now);
        List<Long> pooled = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (waitsInPool(chunk.get(i), offset + i)) {
                pooled.add(ids.get(i));
            }
        }
        customers.placeInPool(pooled, pool);
        totals[1] += contactIds.size();
        totals[2] += acts.size();
        totals[3] += opportunities.write(dealPlan, offset, ids,
                chunk.stream().map(p -> p.customer().input().ownerId()).toList(), new java.util.Random(offset * 7_919L + 17), now);
    }
}

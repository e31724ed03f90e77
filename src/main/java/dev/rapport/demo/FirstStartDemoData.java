package dev.rapport.demo;

import dev.rapport.customers.CustomerBulkLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty database, loads a small demo set so a new user sees a working
 * CRM rather than empty pages. Runs after the first administrator exists (FirstAdmin is order 0)
 * and not at all when {@code rapport.demo-data} (RAPPORT_DEMO_DATA) is false.
 */
@Component
@Profile("!cli")
@Order(20)
class FirstStartDemoData implements ApplicationRunner {

    static final int FIRST_START_CUSTOMERS = 200;
    /** About four orders per customer that bought (current or lost): enough for purchase histories and repeat buyers. */
    static final int FIRST_START_ORDERS = 300;
    private static final Logger log = LoggerFactory.getLogger(FirstStartDemoData.class);

    private final DemoDataLoader loader;
    private final CustomerBulkLoad customers;
    private final OrderFactory orders;
    private final boolean enabled;

    FirstStartDemoData(DemoDataLoader loader, CustomerBulkLoad customers, OrderFactory orders,
                       @Value("${rapport.demo-data:false}") boolean enabled) {
        this.loader = loader;
        this.orders = orders;
        this.customers = customers;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || customers.hasCustomers()) {
            return;
        }
        var result = loader.load(FIRST_START_CUSTOMERS, DemoDataLoader.DEFAULT_SEED, done -> { });
        long lines = orders.load(FIRST_START_ORDERS, DemoDataLoader.DEFAULT_SEED, done -> { });
        log.info("Empty database: loaded demo data ({} customers, {} contacts, {} activities, {} orders with {} lines); demo "
                + "users sign in with password \"{}\", set RAPPORT_DEMO_DATA=false to skip", result.customers(), result.contacts(),
                result.activities(), FIRST_START_ORDERS, lines, DemoStaff.PASSWORD);
    }
}

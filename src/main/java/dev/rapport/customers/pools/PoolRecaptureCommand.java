package dev.rapport.customers.pools;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rapport.jar pool-recapture}: runs the pool recapture once in the foreground and
 * prints what it did and how long it took (for benchmarks and for operators who want it now).
 */
@Component
@Profile("cli")
class PoolRecaptureCommand implements ApplicationRunner {

    private final PoolRecapture recapture;

    PoolRecaptureCommand(PoolRecapture recapture) {
        this.recapture = recapture;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().isEmpty() || !args.getNonOptionArgs().get(0).equals("pool-recapture")) {
            return;
        }
        long started = System.nanoTime();
        PoolRecapture.Run run = recapture.run();
        System.out.printf("pool-recapture: %d records back in their pools, %d records due soon warned to %d owners, in %d ms%n",
                run.recaptured(), run.warnedCustomers(), run.notifiedOwners(), (System.nanoTime() - started) / 1_000_000);
    }
}

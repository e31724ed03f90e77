package dev.rapport.demo;

import dev.rapport.identity.StaffProvisioning;
import dev.rapport.platform.ProgressBar;
import java.time.Duration;
import java.util.List;
import dev.rapport.platform.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rapport.jar demo-data [--customers N] [--opportunities M] [--open-opportunities K] [--orders O] [--reps R] [--seed S]}:
 * loads N (default 10,000) demo customers with contacts and activities, M (default N / 10)
 * opportunities of which about K (default 60%, at most 10,000) are open in the default pipeline,
 * then O (default 0) orders of 1–5 lines over the stored customers, into the configured database
 * (with R sales reps, default the 22 of the fixed demo staff; more are added in numbered teams)
 * and prints how to sign in. Other commands share the "cli" profile, so this one acts only on its
 * own name.
 */
@Component
@Profile("cli")
@Order(10)
class DemoDataCommand implements ApplicationRunner {

    private final DemoDataLoader loader;
    private final StaffProvisioning staff;
    private final OrderFactory orders;

    DemoDataCommand(DemoDataLoader loader, StaffProvisioning staff, OrderFactory orders) {
        this.loader = loader;
        this.staff = staff;
        this.orders = orders;
    }

    @Override
    public void run(ApplicationArguments args) {
        String[] raw = args.getSourceArgs();
        if (raw.length == 0 || !raw[0].equals("demo-data")) {
            return;
        }
        int count = Integer.parseInt(option(args, "customers", "10000"));
        long seed = Long.parseLong(option(args, "seed", String.valueOf(DemoDataLoader.DEFAULT_SEED)));
        int deals = Integer.parseInt(option(args, "opportunities", String.valueOf(count / 10)));
        int openDeals = Integer.parseInt(option(args, "open-opportunities", String.valueOf(DemoOpportunities.defaultOpen(deals))));
        long start = System.nanoTime();
        ProgressBar bar = new ProgressBar("customers", count);
        int reps = Integer.parseInt(option(args, "reps", String.valueOf(DemoStaff.BASE_REPS)));
        DemoDataLoader.Result result = loader.load(count, deals, openDeals, reps, seed, bar::step);
        bar.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("Loaded %,d customers, %,d contacts, %,d activities and %,d opportunities in %d:%02d (%,.0f customers/s)%n",
                result.customers(), result.contacts(), result.activities(), result.opportunities(), took.toMinutes(), took.toSecondsPart(),
                result.customers() / Math.max(0.001, took.toMillis() / 1000.0));
        long orderCount = Long.parseLong(option(args, "orders", "0"));
        if (orderCount > 0) {
            long t0 = System.nanoTime();
            ProgressBar orderBar = new ProgressBar("orders", orderCount);
            long lines = orders.load(orderCount, seed, orderBar::step);
            orderBar.finish();
            Duration t = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf("Loaded %,d orders with %,d lines in %d:%02d%n", orderCount, lines, t.toMinutes(), t.toSecondsPart());
        }
        System.out.println("Sign in as " + staff.firstAdminEmail().orElse("the administrator")
                + " (password: RAPPORT_ADMIN_PASSWORD, or the one printed when the administrator was created),");
        System.out.println("or as any demo user, e.g. " + String.join(", ", result.staff().emails().subList(0, 3))
                + ", with the password \"" + DemoStaff.PASSWORD + "\".");
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        return CommandOptions.option(args, name, fallback);
    }
}

package dev.rapport.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings for every PostgreSQL connection of the pool ({@code rapport.db.tuned-sessions},
 * default true; the embedded database has no such settings and is left alone):
 * <ul>
 * <li>{@code jit = off}: PostgreSQL compiles a query with LLVM when its estimated cost passes
 * {@code jit_above_cost}; for the short, indexed queries of this application an overestimate is
 * enough to spend 20–40 ms compiling a query that then runs in 0.1 ms (a manager's list filtered
 * on another region's province: estimated 57,000 rows, found none).</li>
 * <li>{@code plan_cache_mode = force_custom_plan} ({@code rapport.db.plan-cache-mode}): the driver prepares a statement on the server
 * after a few runs, and PostgreSQL then may switch to a generic plan that does not know the bound
 * values. Lists and searches bind the scope's owners and the filter values, where the values
 * decide the plan: with generic plans a manager's province+status+tag list took 212 ms at p50,
 * with a plan per execution 80 ms, and search p95 fell from 51 to 40 ms (1,000,000 customers).
 * With {@code auto} the manager's search p99 was 244 ms again (2026-11-23). Transactions that
 * write go back to {@code auto} for themselves: see {@link WriteTransactionPlans}.</li>
 * </ul>
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

    static final java.util.Set<String> PLAN_CACHE_MODES = java.util.Set.of("auto", "force_custom_plan", "force_generic_plan");

    private final boolean tuned;
    private final String settings;

    PostgresSessionSettings(@Value("${rapport.db.tuned-sessions:true}") boolean tuned,
                            @Value("${rapport.db.plan-cache-mode:force_custom_plan}") String planCacheMode) {
        if (!PLAN_CACHE_MODES.contains(planCacheMode)) {
            throw new IllegalArgumentException("rapport.db.plan-cache-mode must be one of " + PLAN_CACHE_MODES + ", not " + planCacheMode);
        }
        this.tuned = tuned;
        this.settings = "set jit = off; set plan_cache_mode = " + planCacheMode;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && tuned && ds.getJdbcUrl() != null && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                && ds.getConnectionInitSql() == null) {
            ds.setConnectionInitSql(settings);
        }
        return bean;
    }
}

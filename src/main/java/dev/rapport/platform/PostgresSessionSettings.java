package dev.rapport.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings for every PostgreSQL connection of the pool. PostgreSQL compiles a query with
 * LLVM (JIT) when its estimated cost passes {@code jit_above_cost}; for the short, indexed queries
 * of this application an overestimate is enough to spend 20–40 ms compiling a query that then runs
 * in 0.1 ms (a manager's list filtered on another region's province: estimated 57,000 rows, found
 * none). So JIT is off for the application's sessions ({@code rapport.db.jit}, default false);
 * the embedded database has no such setting and is left alone.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

    private final boolean jit;

    PostgresSessionSettings(@Value("${rapport.db.jit:false}") boolean jit) {
        this.jit = jit;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && !jit && ds.getJdbcUrl() != null && ds.getJdbcUrl().startsWith("jdbc:postgresql:")
                && ds.getConnectionInitSql() == null) {
            ds.setConnectionInitSql("set jit = off");
        }
        return bean;
    }
}

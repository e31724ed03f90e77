package dev.rapport.platform;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlatformConfig {

    /** Time comes from here so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Spring Boot's JDBC transaction manager, with the write transactions' planning on PostgreSQL. */
    @Bean
    WriteTransactionPlans transactionManager(DataSource dataSource, @Value("${rapport.db.tuned-sessions:true}") boolean tuned,
                                             @Value("${rapport.db.plan-cache-mode:force_custom_plan}") String planCacheMode) {
        // sessions already on PostgreSQL's default need no statement more per write transaction
        return new WriteTransactionPlans(dataSource, tuned && !"auto".equals(planCacheMode));
    }
}

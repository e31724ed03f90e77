package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool's PostgreSQL sessions run without JIT and plan every execution, except in transactions
 * that write, which leave PostgreSQL its cached plans (its foreign-key checks above all); H2
 * sessions are left as they are.
 */
@SpringBootTest
class PostgresSessionSettingsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void postgresSessionsHaveJitOffAndCustomPlansAndH2IsUntouched() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (var rs = c.createStatement().executeQuery("show jit")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("off");
                }
                try (var rs = c.createStatement().executeQuery("show plan_cache_mode")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("force_custom_plan");
                }
            } else {
                assertThat(((com.zaxxer.hikari.HikariDataSource) dataSource).getConnectionInitSql()).isNull();
            }
        }
    }

    @Test
    void onPostgresOnlyTransactionsThatWriteUseCachedPlansAndOnlyForThemselves() throws Exception {
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
        if (!postgres) {
            // H2 has no such setting, and a write transaction must not try to set it
            Integer one = new TransactionTemplate(transactions).execute(s -> jdbc.sql("select 1").query(Integer.class).single());
            assertThat(one).isEqualTo(1);
            return;
        }
        TransactionTemplate write = new TransactionTemplate(transactions);
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        String writing = write.execute(s -> mode());
        String reading = read.execute(s -> mode());
        assertThat(writing).isEqualTo("auto");
        assertThat(reading).isEqualTo("force_custom_plan");
        // set local: the pooled session is back to custom plans after the write transaction
        for (int i = 0; i < 5; i++) {
            assertThat(mode()).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void anUnknownPlanCacheModeIsRefusedAtStart() {
        assertThatThrownBy(() -> new PostgresSessionSettings(true, "force_custom_plan; drop table users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rapport.db.plan-cache-mode");
    }

    private String mode() {
        return jdbc.sql("show plan_cache_mode").query(String.class).single();
    }
}

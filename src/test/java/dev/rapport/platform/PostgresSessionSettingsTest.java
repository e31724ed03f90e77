package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The pool's PostgreSQL sessions run without JIT and plan every execution; H2 sessions are left as they are. */
@SpringBootTest
class PostgresSessionSettingsTest {

    @Autowired
    DataSource dataSource;

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
}

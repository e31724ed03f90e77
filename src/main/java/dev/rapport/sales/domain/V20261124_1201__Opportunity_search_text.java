package dev.rapport.sales.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Fills opportunities.search_text for the rows that existed before the column (Flyway takes this
 * bean as a Java migration; its name is its version). Pinyin needs Java, so SQL alone cannot do it.
 * Reads ids in pages and writes in JDBC batches: 200,000 demo opportunities took 53 s on PostgreSQL
 * on the 2-core benchmark machine (docs/benchmarks.md), once, at the upgrade.
 */
@Component
public class V20261124_1201__Opportunity_search_text extends BaseJavaMigration {

    private static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long after = 0;
        while (true) {
            int n = 0;
            try (PreparedStatement read = c.prepareStatement(
                    "select id, name from opportunities where id > ? order by id limit " + PAGE);
                 PreparedStatement write = c.prepareStatement("update opportunities set search_text = ? where id = ?")) {
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        write.setString(1, OpportunitySearchText.of(rs.getString(2)));
                        write.setLong(2, after);
                        write.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    write.executeBatch();
                }
            }
            if (n < PAGE) {
                return;
            }
        }
    }
}

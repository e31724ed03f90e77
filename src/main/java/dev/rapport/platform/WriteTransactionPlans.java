package dev.rapport.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager. On PostgreSQL with the tuned sessions of {@link PostgresSessionSettings}
 * (which plan every execution of a statement with its values, for the lists and searches), a
 * transaction that writes sets {@code plan_cache_mode} back to PostgreSQL's default for itself
 * ({@code set local}, sent with the transaction's first statement). Forced custom plans also made
 * PostgreSQL plan its own foreign-key check again for every inserted row, and every insert of
 * ours, where the plan never depends on the values: an imported customer's status history row cost
 * 64 us instead of 15, and a customer created through the API spent 1.8 ms of database CPU instead
 * of 1.2 (20,000-customer demo database, 10,000 creates). Read-only transactions, and reads outside
 * a transaction, keep the forced custom plans.
 */
class WriteTransactionPlans extends JdbcTransactionManager {

    static final String WRITE_SETTINGS = "set local plan_cache_mode = auto";

    private final boolean tuned;
    private volatile Boolean postgres;

    WriteTransactionPlans(DataSource dataSource, boolean tuned) {
        super(dataSource);
        this.tuned = tuned;
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        if (tuned && !definition.isReadOnly() && isPostgres(con)) {
            try (Statement st = con.createStatement()) {
                st.execute(WRITE_SETTINGS);
            }
        }
    }

    private boolean isPostgres(Connection con) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = con.isWrapperFor(PGConnection.class);
            postgres = known;
        }
        return known;
    }
}

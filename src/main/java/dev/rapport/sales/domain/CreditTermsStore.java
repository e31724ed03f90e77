package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.CreditTerms;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditTermsStore {

    private final JdbcClient jdbc;

    public CreditTermsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CreditTerms> find(long customerId) {
        return jdbc.sql("select customer_id, payment_term_days, credit_limit, currency, version, updated_at from sales_credit_terms where customer_id = :c")
                .param("c", customerId)
                .query((rs, n) -> new CreditTerms(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4), true,
                        rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    public Map<Long, Integer> termDays(Collection<Long> customerIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("select customer_id, payment_term_days from sales_credit_terms where customer_id in (:ids)")
                    .param("ids", customerIds).query((rs, n) -> out.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return out;
    }

    /** Inserts (expectedVersion null) or updates the terms; a stale version raises 409. */
    public void save(long customerId, Long expectedVersion, int days, BigDecimal limit, String currency, long by, Instant now) {
        if (expectedVersion == null) {
            jdbc.sql("""
                    insert into sales_credit_terms (customer_id, payment_term_days, credit_limit, currency, version, updated_by, updated_at)
                    values (:c, :d, :l, :cur, 0, :by, :now)""")
                    .param("c", customerId).param("d", days).param("l", limit).param("cur", currency).param("by", by)
                    .param("now", Timestamp.from(now)).update();
            return;
        }
        int n = jdbc.sql("""
                update sales_credit_terms set payment_term_days = :d, credit_limit = :l, currency = :cur, version = version + 1,
                    updated_by = :by, updated_at = :now where customer_id = :c and version = :v""")
                .param("c", customerId).param("d", days).param("l", limit).param("cur", currency).param("by", by)
                .param("now", Timestamp.from(now)).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("credit terms", find(customerId).map(CreditTerms::version).orElse(-1L));
        }
    }

    public void moveCustomer(Collection<Long> from, long to) {
        // the surviving customer keeps its own terms; the merged ones' terms go
        jdbc.sql("delete from sales_credit_terms where customer_id in (:from)").param("from", from).update();
    }
}

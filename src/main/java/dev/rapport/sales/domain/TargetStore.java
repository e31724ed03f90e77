package dev.rapport.sales.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The sales_targets table and the won-deal sums that measure them. */
@Repository
public class TargetStore {

    public record Row(long id, String subjectType, long subjectId, String periodType, LocalDate periodStart,
                      BigDecimal amount, String currency, int wonCount, long version) {
    }

    /** Won deals of some owners in a period: the count of all, the sum of those in one currency. */
    public record Won(int count, BigDecimal amount) {
    }

    private static final String SELECT = """
            select id, subject_type, subject_id, period_type, period_start, amount, currency, won_count, version
            from sales_targets""";

    private final JdbcClient jdbc;
    private final Clock clock;

    TargetStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(TargetStore::row).optional();
    }

    public boolean exists(String subjectType, long subjectId, String periodType, LocalDate start, Long exceptId) {
        return jdbc.sql("""
                select count(*) from sales_targets where subject_type = :st and subject_id = :sid and period_type = :pt
                and period_start = :ps and id <> :except""")
                .param("st", subjectType).param("sid", subjectId).param("pt", periodType).param("ps", start)
                .param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    /** Targets whose period starts in [from, to), optionally of one period type or subject; capped. */
    public List<Row> list(LocalDate from, LocalDate to, String periodType, String subjectType, Long subjectId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where period_start >= :from and period_start < :to");
        if (periodType != null) {
            sql.append(" and period_type = :pt");
        }
        if (subjectType != null) {
            sql.append(" and subject_type = :st");
        }
        if (subjectId != null) {
            sql.append(" and subject_id = :sid");
        }
        var spec = jdbc.sql(sql.append(" order by period_start, subject_type, subject_id limit :limit").toString())
                .param("from", from).param("to", to).param("limit", limit);
        if (periodType != null) {
            spec = spec.param("pt", periodType);
        }
        if (subjectType != null) {
            spec = spec.param("st", subjectType);
        }
        if (subjectId != null) {
            spec = spec.param("sid", subjectId);
        }
        return spec.query(TargetStore::row).list();
    }

    public long insert(Row r, long createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into sales_targets (subject_type, subject_id, period_type, period_start, amount, currency, won_count,
                    created_by, version, created_at, updated_at)
                values (:st, :sid, :pt, :ps, :amount, :cur, :wc, :by, 0, :now, :now)""")
                .param("st", r.subjectType()).param("sid", r.subjectId()).param("pt", r.periodType()).param("ps", r.periodStart())
                .param("amount", r.amount()).param("cur", r.currency()).param("wc", r.wonCount()).param("by", createdBy)
                .param("now", now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** False when the version moved on since it was read. */
    public boolean update(Row r, long expectedVersion) {
        return jdbc.sql("""
                update sales_targets set subject_type = :st, subject_id = :sid, period_type = :pt, period_start = :ps,
                    amount = :amount, currency = :cur, won_count = :wc, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("st", r.subjectType()).param("sid", r.subjectId()).param("pt", r.periodType()).param("ps", r.periodStart())
                .param("amount", r.amount()).param("cur", r.currency()).param("wc", r.wonCount())
                .param("now", Timestamp.from(clock.instant())).param("id", r.id()).param("v", expectedVersion).update() == 1;
    }

    public void delete(long id) {
        jdbc.sql("delete from sales_targets where id = :id").param("id", id).update();
    }

    /** Won deals of the owners closed in [from, to); read from opportunities_won_idx. */
    public Won won(Collection<Long> owners, Instant from, Instant to, String currency) {
        if (owners.isEmpty()) {
            return new Won(0, BigDecimal.ZERO);
        }
        return jdbc.sql("""
                select count(*) as n, coalesce(sum(case when currency = :cur then amount end), 0) as total
                from opportunities where status = 'won' and owner_id in (:owners) and closed_at >= :from and closed_at < :to""")
                .param("cur", currency).param("owners", owners).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Won(rs.getInt("n"), rs.getBigDecimal("total").setScale(2, java.math.RoundingMode.HALF_UP))).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("period_type"),
                rs.getObject("period_start", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getInt("won_count"), rs.getLong("version"));
    }
}

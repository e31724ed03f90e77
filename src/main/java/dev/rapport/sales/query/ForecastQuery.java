package dev.rapport.sales.query;

import dev.rapport.identity.OwnerScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open opportunities expected to close in [from, to), summed per month, owner and currency, plainly
 * and weighted by the stage's probability. One grouped query over opportunities_forecast_idx
 * (status, expected_close_date, owner_id, stage_id, currency, amount); the stage join touches the
 * small pipeline_stages table only. Scoped by owner.
 */
@Component
public class ForecastQuery {

    public record Cell(int year, int month, long ownerId, String currency, BigDecimal amount, BigDecimal weighted, long count) {
    }

    private final JdbcClient jdbc;

    public ForecastQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Cell> cells(OwnerScope scope, LocalDate from, LocalDate to) {
        String scoped = scope.isAll() ? "" : " and o.owner_id in (:owners)";
        var spec = jdbc.sql("""
                select extract(year from o.expected_close_date) as y, extract(month from o.expected_close_date) as m,
                       o.owner_id, o.currency, sum(o.amount) as total, sum(o.amount * s.probability) / 100 as weighted,
                       count(*) as n
                from opportunities o join pipeline_stages s on s.id = o.stage_id
                where o.status = 'open' and o.expected_close_date >= :from and o.expected_close_date < :to""" + scoped + """

                group by extract(year from o.expected_close_date), extract(month from o.expected_close_date), o.owner_id, o.currency
                """).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (!scope.isAll()) {
            spec = spec.param("owners", scope.owners());
        }
        return spec.query((rs, n) -> new Cell(rs.getInt("y"), rs.getInt("m"), rs.getLong("owner_id"), rs.getString("currency"),
                rs.getBigDecimal("total"), rs.getBigDecimal("weighted").setScale(2, java.math.RoundingMode.HALF_UP), rs.getLong("n"))).list();
    }
}

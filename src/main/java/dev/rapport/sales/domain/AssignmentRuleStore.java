package dev.rapport.sales.domain;

import dev.rapport.platform.CacheGenerations;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.AssignmentRule;
import dev.rapport.sales.AssignmentRuleInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRuleStore {

    private static final String SELECT = """
            select id, name, position, active, match_province, match_city, match_industry, match_source, strategy, user_ids,
                   version, applies_to
            from lead_assignment_rules""";

    /** The rules are read for every new customer and lead, so the node keeps them; each write moves this counter first. */
    private static final String KIND = "assignment-rules";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CacheGenerations generations;
    private final CacheGenerations.Cached<List<AssignmentRule>> cached;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    AssignmentRuleStore(JdbcClient jdbc, Clock clock, org.springframework.transaction.PlatformTransactionManager transactions,
                        CacheGenerations generations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.generations = generations;
        this.cached = generations.cache(KIND, () -> List.copyOf(jdbc.sql(SELECT + " order by position, id").query(AssignmentRuleStore::row).list()));
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public List<AssignmentRule> all() {
        return cached.get();
    }

    public Optional<AssignmentRule> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(AssignmentRuleStore::row).optional();
    }

    public long insert(AssignmentRuleInput in, int position) {
        generations.bump(KIND);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into lead_assignment_rules (name, position, active, match_province, match_city, match_industry,
                    match_source, strategy, user_ids, rr_counter, version, created_at, updated_at, applies_to)
                values (:name, :pos, :active, :prov, :city, :ind, :src, :strategy, :users, 0, 0, :now, :now, :applies)""")
                .params(params(in)).param("pos", position).param("now", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, long expectedVersion, AssignmentRuleInput in, int position) {
        generations.bump(KIND);
        int n = jdbc.sql("""
                update lead_assignment_rules set name = :name, position = :pos, active = :active, match_province = :prov,
                    match_city = :city, match_industry = :ind, match_source = :src, strategy = :strategy, user_ids = :users,
                    applies_to = :applies, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .params(params(in)).param("pos", position).param("now", Timestamp.from(clock.instant()))
                .param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new StaleVersionException("assignmentRule", find(id).map(AssignmentRule::version).orElse(-1L));
        }
    }

    public void delete(long id) {
        generations.bump(KIND);
        jdbc.sql("delete from lead_assignment_rules where id = :id").param("id", id).update();
    }

    public int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 10 from lead_assignment_rules").query(Integer.class).single();
    }

    /**
     * Takes the rule's next {@code count} round-robin turns at once and answers the first, in a
     * transaction of its own: the rule row is locked only for that moment, not until the caller's
     * transaction ends. An import writes two batches at once and commits them in file order, so a
     * batch holding the lock while it waits for the batch before it (which waits for the lock)
     * would never finish. A turn taken by a write that then fails is skipped, which round robin
     * tolerates.
     */
    public long takeTurns(long id, int count) {
        Long first = ownTransaction.execute(status -> {
            jdbc.sql("update lead_assignment_rules set rr_counter = rr_counter + :n where id = :id").param("n", count).param("id", id)
                    .update();
            return jdbc.sql("select rr_counter from lead_assignment_rules where id = :id").param("id", id).query(Long.class).single()
                    - count;
        });
        return first == null ? 0 : first;
    }

    private static java.util.Map<String, Object> params(AssignmentRuleInput in) {
        var m = new java.util.HashMap<String, Object>();
        m.put("name", in.name().trim());
        m.put("active", in.active() == null || in.active());
        m.put("prov", blankToNull(in.matchProvince()));
        m.put("city", blankToNull(in.matchCity()));
        m.put("ind", blankToNull(in.matchIndustry()));
        m.put("src", blankToNull(in.matchSource()));
        m.put("strategy", in.strategy());
        m.put("applies", in.appliesTo() == null || in.appliesTo().isBlank() ? AssignmentRule.LEADS : in.appliesTo());
        m.put("users", in.userIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static AssignmentRule row(ResultSet rs, int n) throws SQLException {
        String users = rs.getString("user_ids");
        List<Long> ids = users == null || users.isBlank() ? List.of()
                : Arrays.stream(users.split(",")).map(String::trim).map(Long::valueOf).toList();
        return new AssignmentRule(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("active"),
                rs.getString("match_province"), rs.getString("match_city"), rs.getString("match_industry"),
                rs.getString("match_source"), rs.getString("strategy"), ids, rs.getLong("version"), rs.getString("applies_to"));
    }
}

package dev.rapport.customers.query;

import dev.rapport.identity.OwnerScope;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search on the embedded H2 database. H2 has no trigram index, so a substring search reads every
 * customer and contact row (about a second at 100,000 customers); the search texts alone, kept
 * here in memory as UTF-8 with the owner, are scanned in a few milliseconds. The match yields the
 * ids of the newest {@value #MAX_MATCHES} matching rows the user may see; the SQL query then
 * applies the data scope again and every other filter to those ids, so a stale entry can never
 * show a row the user may not see.
 *
 * <p>Embedded H2 is locked to one process, so this copy is never out of step with another node.
 * Each search first reads the rows changed since the last one ({@code updated_at}, with an overlap
 * for transactions that committed late) and reloads everything when the row count shows a delete.
 * A term matching more than {@value #MAX_MATCHES} visible rows is looked up among the newest of
 * them: search is for finding a record, and a list of a thousand matches is read from its top.
 * Off on PostgreSQL, where the trigram indexes do this ({@code rapport.search.in-memory=auto}).
 */
@Component
class EmbeddedSearchIndex {

    static final int MAX_MATCHES = 1_000;
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final List<String> TABLES = List.of("customers", "contacts");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchIndex.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    EmbeddedSearchIndex(JdbcClient jdbc, DataSource dataSource, Clock clock, @Value("${rapport.search.in-memory:auto}") String setting) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = "auto".equals(setting) ? isH2(dataSource) : Boolean.parseBoolean(setting);
    }

    boolean enabled() {
        return enabled;
    }

    /** Ids of the newest rows of {@code table} in the scope whose search text matches, newest first. */
    List<Long> matching(String table, SearchCondition.Term term, OwnerScope scope) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Table t = tables.computeIfAbsent(table, Table::new);
        t.refresh();
        return t.matching(term, scope);
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The search texts of one table. Most rows sit in one packed string, newest first, each text's
     * UTF-8 bytes as Latin-1 characters (one byte each, so {@link String#indexOf} runs over plain
     * bytes with the JDK's vectorised search, and a byte match is a character match because UTF-8
     * is self-synchronising). Rows changed since the packing live in a small map and hide their
     * packed copy; past {@value #REPACK_AFTER} of them the table is packed again.
     */
    private final class Table {
        private static final int REPACK_AFTER = 20_000;
        private final String name;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private String packed = "";
        private int[] starts = new int[0];
        private long[] ids = new long[0];
        private long[] owners = new long[0];
        private BitSet superseded = new BitSet();
        private final Map<Long, Changed> changed = new HashMap<>();
        private Instant syncedAt;

        private record Changed(long owner, String text) {
        }

        Table(String name) {
            this.name = name;
        }

        void refresh() {
            lock.writeLock().lock();
            try {
                Instant now = clock.instant();
                if (syncedAt == null) {
                    reload(now);
                    return;
                }
                jdbc.sql("select id, owner_id, search_text from " + name + " where updated_at >= :since")
                        .param("since", Timestamp.from(syncedAt.minus(OVERLAP)))
                        .query(rs -> {
                            long id = rs.getLong(1);
                            int at = position(id);
                            if (at >= 0) {
                                superseded.set(at);
                            }
                            changed.put(id, new Changed(rs.getLong(2), latin1(rs.getString(3))));
                        });
                syncedAt = now;
                long rows = jdbc.sql("select count(*) from " + name).query(Long.class).single();
                long known = ids.length - superseded.cardinality() + changed.size();
                if (rows != known || changed.size() > REPACK_AFTER) {
                    // a delete or merge removed rows, or many changed: pack again from the table
                    reload(now);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }

        private void reload(Instant now) {
            long started = System.nanoTime();
            StringBuilder text = new StringBuilder();
            List<long[]> rows = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            jdbc.sql("select id, owner_id, search_text from " + name + " order by id desc").query(rs -> {
                rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                offsets.add(text.length());
                text.append(latin1(rs.getString(3))).append('\n');
            });
            packed = text.toString();
            starts = offsets.stream().mapToInt(Integer::intValue).toArray();
            ids = rows.stream().mapToLong(r -> r[0]).toArray();
            owners = rows.stream().mapToLong(r -> r[1]).toArray();
            superseded = new BitSet();
            changed.clear();
            syncedAt = now;
            log.info("Search texts of {} {} loaded into memory in {} ms", ids.length, name, (System.nanoTime() - started) / 1_000_000);
        }

        List<Long> matching(SearchCondition.Term term, OwnerScope scope) {
            String like = inner(term.like());
            String py1 = term.pinyinLike1() == null ? null : inner(term.pinyinLike1());
            String py2 = term.pinyinLike2() == null ? null : inner(term.pinyinLike2());
            List<Long> result = new ArrayList<>();
            lock.readLock().lock();
            try {
                changed.forEach((id, row) -> {
                    if (scope.includes(row.owner()) && row.text().contains(like)
                            && (py1 == null || row.text().contains(py1) || row.text().contains(py2))) {
                        result.add(id);
                    }
                });
                // the packed rows run newest first: stop once enough are found
                int found = 0;
                int from = 0;
                while (found < MAX_MATCHES && from < packed.length()) {
                    int hit = packed.indexOf(like, from);
                    if (hit < 0) {
                        break;
                    }
                    int row = rowAt(hit);
                    int end = row + 1 < starts.length ? starts[row + 1] : packed.length();
                    if (!superseded.get(row) && scope.includes(owners[row])
                            && (py1 == null || within(py1, row, end) || within(py2, row, end))) {
                        result.add(ids[row]);
                        found++;
                    }
                    from = end;
                }
            } finally {
                lock.readLock().unlock();
            }
            result.sort((a, b) -> Long.compare(b, a));
            return result.size() > MAX_MATCHES ? new ArrayList<>(result.subList(0, MAX_MATCHES)) : result;
        }

        private boolean within(String part, int row, int end) {
            return packed.substring(starts[row], end).contains(part);
        }

        /** Where a packed row is: the ids run newest (largest) first. */
        private int position(long id) {
            int low = 0;
            int high = ids.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (ids[mid] == id) {
                    return mid;
                }
                if (ids[mid] > id) {
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return -1;
        }

        private int rowAt(int offset) {
            int k = Arrays.binarySearch(starts, offset);
            return k >= 0 ? k : -k - 2;
        }
    }

    /** The text a like pattern ("%x%" or "% x%", like-escaped) looks for, in the packed form. */
    private static String inner(String pattern) {
        return latin1(pattern.substring(1, pattern.length() - 1).replace("\\%", "%").replace("\\_", "_").replace("\\\\", "\\"));
    }

    /** UTF-8 bytes as Latin-1 characters: one byte per character, stored compactly by the JVM. */
    private static String latin1(String text) {
        return text == null ? "" : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}

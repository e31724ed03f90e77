package dev.rapport.sales.domain;

import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.QuoteLineView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Quotes and their lines. Every change of a quote bumps its version and fails on a stale one. */
@Repository
public class QuoteStore {

    /** A stored quote header. */
    public record Row(long id, String number, String baseNumber, int revision, long customerId, Long contactId,
                      Long opportunityId, Long priceBookId, String currency, LocalDate validUntil, BigDecimal discountPercent,
                      BigDecimal subtotal, BigDecimal discountAmount, BigDecimal taxAmount, BigDecimal total, String status,
                      String terms, long ownerId, long createdBy, String sentTo, Instant sentAt, Long supersededBy,
                      long version, Instant createdAt, Instant updatedAt) {
    }

    /** What a header write stores. */
    public record Header(long customerId, Long contactId, Long opportunityId, Long priceBookId, String currency,
                         LocalDate validUntil, BigDecimal discountPercent, String terms, long ownerId,
                         BigDecimal subtotal, BigDecimal discountAmount, BigDecimal taxAmount, BigDecimal total) {
    }

    private static final String SELECT = """
            select id, number, base_number, revision, customer_id, contact_id, opportunity_id, price_book_id, currency,
                   valid_until, discount_percent, subtotal, discount_amount, tax_amount, total, status, terms, owner_id,
                   created_by, sent_to, sent_at, superseded_by, version, created_at, updated_at
            from quotes""";

    private final JdbcClient jdbc;

    public QuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('quote_number_seq')").query(Long.class).single();
    }

    public long insert(String number, String baseNumber, int revision, Header h, String status, long createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into quotes (number, base_number, revision, customer_id, contact_id, opportunity_id, price_book_id,
                    currency, valid_until, discount_percent, subtotal, discount_amount, tax_amount, total, status, terms,
                    owner_id, created_by, version, created_at, updated_at)
                values (:number, :base, :revision, :customer, :contact, :opp, :book, :currency, :valid, :disc, :subtotal,
                    :discAmount, :tax, :total, :status, :terms, :owner, :by, 0, :now, :now)""")
                .param("number", number).param("base", baseNumber).param("revision", revision)
                .params(headerParams(h)).param("status", status).param("by", createdBy).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, long version, Header h, String status, Instant now) {
        int n = jdbc.sql("""
                update quotes set customer_id = :customer, contact_id = :contact, opportunity_id = :opp, price_book_id = :book,
                    currency = :currency, valid_until = :valid, discount_percent = :disc, subtotal = :subtotal,
                    discount_amount = :discAmount, tax_amount = :tax, total = :total, terms = :terms, owner_id = :owner,
                    status = :status, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .params(headerParams(h)).param("status", status).param("now", Timestamp.from(now)).param("id", id)
                .param("v", version).update();
        stale(n, id);
    }

    /** Moves a quote to a status; the caller has checked the transition. */
    public void changeStatus(long id, long version, String status, Instant now) {
        int n = jdbc.sql("update quotes set status = :s, version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("s", status).param("now", Timestamp.from(now)).param("id", id).param("v", version).update();
        stale(n, id);
    }

    public void markSent(long id, long version, String to, Instant now) {
        int n = jdbc.sql("""
                update quotes set status = 'sent', sent_to = :to, sent_at = :now, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("to", to).param("now", Timestamp.from(now)).param("id", id).param("v", version).update();
        stale(n, id);
    }

    public void supersede(long id, long version, long newId, Instant now) {
        int n = jdbc.sql("""
                update quotes set status = 'superseded', superseded_by = :newId, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("newId", newId).param("now", Timestamp.from(now)).param("id", id).param("v", version).update();
        stale(n, id);
    }

    public int highestRevision(String baseNumber) {
        return jdbc.sql("select max(revision) from quotes where base_number = :b").param("b", baseNumber)
                .query(Integer.class).optional().orElse(0);
    }

    public void replaceLines(long quoteId, List<QuoteLineView> lines) {
        jdbc.sql("delete from quote_lines where quote_id = :q").param("q", quoteId).update();
        for (QuoteLineView l : lines) {
            jdbc.sql("""
                    insert into quote_lines (quote_id, position, product_id, description, unit, quantity, unit_price,
                        price_overridden, discount_percent, tax_rate, net_amount, tax_amount, line_total)
                    values (:q, :pos, :product, :description, :unit, :qty, :price, :overridden, :disc, :tax, :net, :taxAmount, :total)""")
                    .param("q", quoteId).param("pos", l.position()).param("product", l.productId())
                    .param("description", l.description()).param("unit", l.unit()).param("qty", l.quantity())
                    .param("price", l.unitPrice()).param("overridden", l.priceOverridden()).param("disc", l.discountPercent())
                    .param("tax", l.taxRate()).param("net", l.netAmount()).param("taxAmount", l.taxAmount())
                    .param("total", l.lineTotal()).update();
        }
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(QuoteStore::row).optional();
    }

    public List<QuoteLineView> lines(long quoteId) {
        return jdbc.sql("""
                        select id, position, product_id, description, unit, quantity, unit_price, price_overridden, discount_percent,
                               tax_rate, net_amount, tax_amount, line_total
                        from quote_lines where quote_id = :q order by position, id""")
                .param("q", quoteId)
                .query((rs, n) -> new QuoteLineView(rs.getLong("id"), rs.getInt("position"), rs.getObject("product_id", Long.class),
                        rs.getString("description"), rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBoolean("price_overridden"), rs.getBigDecimal("discount_percent"), rs.getBigDecimal("tax_rate"),
                        rs.getBigDecimal("net_amount"), rs.getBigDecimal("tax_amount"), rs.getBigDecimal("line_total")))
                .list();
    }

    /**
     * Quotes newest first (keyset on id), inside the owner scope, optionally of one customer, one
     * status or matching a number prefix. Served by quotes_owner_idx / quotes_customer_idx.
     */
    public List<Row> page(OwnerScope scope, Long customerId, String status, String numberPrefix, Long beforeId, int limit) {
        List<String> where = new ArrayList<>();
        if (!scope.isAll()) {
            where.add("owner_id in (:owners)");
        }
        if (customerId != null) {
            where.add("customer_id = :customer");
        }
        if (status != null) {
            where.add("status = :status");
        }
        if (numberPrefix != null) {
            where.add("number like :prefix");
        }
        if (beforeId != null) {
            where.add("id < :before");
        }
        String sql = SELECT + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by id desc limit :limit";
        var spec = jdbc.sql(sql).param("limit", limit);
        if (!scope.isAll()) {
            spec = spec.param("owners", scope.owners());
        }
        if (customerId != null) {
            spec = spec.param("customer", customerId);
        }
        if (status != null) {
            spec = spec.param("status", status);
        }
        if (numberPrefix != null) {
            spec = spec.param("prefix", numberPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query(QuoteStore::row).list();
    }

    private void stale(int updated, long id) {
        if (updated == 0) {
            throw new StaleVersionException("quote", find(id).map(Row::version).orElse(-1L));
        }
    }

    private static java.util.Map<String, Object> headerParams(Header h) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("customer", h.customerId());
        p.put("contact", h.contactId());
        p.put("opp", h.opportunityId());
        p.put("book", h.priceBookId());
        p.put("currency", h.currency());
        p.put("valid", h.validUntil() == null ? null : Date.valueOf(h.validUntil()));
        p.put("disc", h.discountPercent());
        p.put("subtotal", h.subtotal());
        p.put("discAmount", h.discountAmount());
        p.put("tax", h.taxAmount());
        p.put("total", h.total());
        p.put("terms", h.terms());
        p.put("owner", h.ownerId());
        return p;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        Date valid = rs.getDate("valid_until");
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getString("base_number"), rs.getInt("revision"),
                rs.getLong("customer_id"), rs.getObject("contact_id", Long.class), rs.getObject("opportunity_id", Long.class),
                rs.getObject("price_book_id", Long.class), rs.getString("currency"), valid == null ? null : valid.toLocalDate(),
                rs.getBigDecimal("discount_percent"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount_amount"),
                rs.getBigDecimal("tax_amount"), rs.getBigDecimal("total"), rs.getString("status"), rs.getString("terms"),
                rs.getLong("owner_id"), rs.getLong("created_by"), rs.getString("sent_to"), sent == null ? null : sent.toInstant(),
                rs.getObject("superseded_by", Long.class), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** Sent and approved quotes whose valid-until date is before {@code today}, at most {@code limit}. */
    public List<Long> expiredIds(LocalDate today, int limit) {
        return jdbc.sql("select id from quotes where status in ('sent', 'approved') and valid_until < :today order by id limit :limit")
                .param("today", Date.valueOf(today)).param("limit", limit).query(Long.class).list();
    }

    /** Marks these quotes expired if they still are sent or approved; returns the ids changed. */
    public List<Long> expire(List<Long> ids, Instant now) {
        List<Long> done = new ArrayList<>();
        for (long id : ids) {
            int n = jdbc.sql("update quotes set status = 'expired', version = version + 1, updated_at = :now where id = :id and status in ('sent', 'approved')")
                    .param("now", Timestamp.from(now)).param("id", id).update();
            if (n == 1) {
                done.add(id);
            }
        }
        return done;
    }

    /** Ids of the open (not yet answered) quotes of an owner. */
    public List<Long> openIdsOf(long ownerId) {
        return jdbc.sql("select id from quotes where owner_id = :o and status in ('draft', 'pending-approval', 'approved', 'rejected', 'sent')")
                .param("o", ownerId).query(Long.class).list();
    }

    public void reassign(List<Long> ids, long toOwner) {
        if (!ids.isEmpty()) {
            jdbc.sql("update quotes set owner_id = :to, version = version + 1 where id in (:ids)").param("to", toOwner).param("ids", ids).update();
        }
    }

    public int moveCustomer(java.util.Collection<Long> from, long to) {
        return jdbc.sql("update quotes set customer_id = :to, version = version + 1 where customer_id in (:from)")
                .param("to", to).param("from", from).update();
    }
}

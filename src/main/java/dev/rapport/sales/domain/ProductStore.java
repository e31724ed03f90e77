package dev.rapport.sales.domain;

import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.PriceBookView;
import dev.rapport.sales.PriceTier;
import dev.rapport.sales.ProductInput;
import dev.rapport.sales.ProductView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Products, price books and their tiered prices. */
@Repository
public class ProductStore {

    private static final String PRODUCT = "select id, sku, name, unit, category, description, active, version, created_at, updated_at from products";
    private static final String BOOK = "select id, name, currency, is_default, active, version, created_at, updated_at from price_books";

    private final JdbcClient jdbc;

    public ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertProduct(ProductInput p, boolean active, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into products (sku, name, unit, category, description, active, version, created_at, updated_at)
                values (:sku, :name, :unit, :category, :description, :active, 0, :now, :now)""")
                .param("sku", p.sku()).param("name", p.name()).param("unit", p.unit()).param("category", p.category())
                .param("description", p.description()).param("active", active).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateProduct(long id, long version, ProductInput p, boolean active, Instant now) {
        int n = jdbc.sql("""
                update products set sku = :sku, name = :name, unit = :unit, category = :category, description = :description,
                    active = :active, version = version + 1, updated_at = :now where id = :id and version = :v""")
                .param("sku", p.sku()).param("name", p.name()).param("unit", p.unit()).param("category", p.category())
                .param("description", p.description()).param("active", active).param("now", Timestamp.from(now))
                .param("id", id).param("v", version).update();
        if (n == 0) {
            throw new StaleVersionException("product", findProduct(id).map(ProductView::version).orElse(-1L));
        }
    }

    public Optional<ProductView> findProduct(long id) {
        return jdbc.sql(PRODUCT + " where id = :id").param("id", id).query(ProductStore::product).optional();
    }

    /** The products of the given ids that exist, by id (one read for all the lines of a quote or price book). */
    public java.util.Map<Long, ProductView> findProducts(java.util.Collection<Long> ids) {
        java.util.Map<Long, ProductView> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(PRODUCT + " where id in (:ids)").param("ids", ids).query(ProductStore::product).list()
                    .forEach(p -> out.put(p.id(), p));
        }
        return out;
    }

    public boolean skuTaken(String sku, Long exceptId) {
        return jdbc.sql("select count(*) from products where lower(sku) = lower(:sku) and id <> :except")
                .param("sku", sku).param("except", exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    /** Products by name, keyset-paged on (name, id); q matches SKU prefix or name part. */
    public List<ProductView> page(String q, Boolean activeOnly, String afterName, Long afterId, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (q != null) {
            where.append(" and (lower(sku) like :prefix or lower(name) like :part)");
        }
        if (Boolean.TRUE.equals(activeOnly)) {
            where.append(" and active = true");
        }
        if (afterId != null) {
            where.append(" and (name > :an or (name = :an and id > :ai))");
        }
        var spec = jdbc.sql(PRODUCT + where + " order by name, id limit :limit").param("limit", limit);
        if (q != null) {
            String lower = q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            spec = spec.param("prefix", lower + "%").param("part", "%" + lower + "%");
        }
        if (afterId != null) {
            spec = spec.param("an", afterName).param("ai", afterId);
        }
        return spec.query(ProductStore::product).list();
    }

    public long insertBook(String name, String currency, boolean isDefault, boolean active, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into price_books (name, currency, is_default, active, version, created_at, updated_at)
                values (:name, :currency, :def, :active, 0, :now, :now)""")
                .param("name", name).param("currency", currency).param("def", isDefault).param("active", active)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void updateBook(long id, long version, String name, String currency, boolean isDefault, boolean active, Instant now) {
        int n = jdbc.sql("""
                update price_books set name = :name, currency = :currency, is_default = :def, active = :active,
                    version = version + 1, updated_at = :now where id = :id and version = :v""")
                .param("name", name).param("currency", currency).param("def", isDefault).param("active", active)
                .param("now", Timestamp.from(now)).param("id", id).param("v", version).update();
        if (n == 0) {
            throw new StaleVersionException("price book", findBook(id).map(PriceBookView::version).orElse(-1L));
        }
    }

    /** Only one book is the default: making one the default clears the flag on the others. */
    public void clearDefaultExcept(long id) {
        jdbc.sql("update price_books set is_default = false, version = version + 1 where is_default = true and id <> :id")
                .param("id", id).update();
    }

    public void replaceTiers(long bookId, List<PriceTier> tiers) {
        jdbc.sql("delete from price_book_entries where price_book_id = :b").param("b", bookId).update();
        for (PriceTier t : tiers) {
            jdbc.sql("insert into price_book_entries (price_book_id, product_id, min_quantity, unit_price) values (:b, :p, :m, :u)")
                    .param("b", bookId).param("p", t.productId()).param("m", t.minQuantity()).param("u", t.unitPrice()).update();
        }
    }

    public Optional<PriceBookView> findBook(long id) {
        return jdbc.sql(BOOK + " where id = :id").param("id", id).query((rs, n) -> book(rs, tiers(rs.getLong("id")))).optional();
    }

    public Optional<Long> defaultBookId() {
        return jdbc.sql("select id from price_books where is_default = true and active = true order by id limit 1")
                .query(Long.class).optional();
    }

    public List<PriceBookView> books() {
        return jdbc.sql(BOOK + " order by is_default desc, name, id").query((rs, n) -> book(rs, List.of())).list();
    }

    public List<PriceTier> tiers(long bookId) {
        return jdbc.sql("select product_id, min_quantity, unit_price from price_book_entries where price_book_id = :b order by product_id, min_quantity")
                .param("b", bookId).query((rs, n) -> new PriceTier(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** The tiers of a book for the given products (one read for all the lines of a quote). */
    public List<PriceTier> tiers(long bookId, java.util.Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select product_id, min_quantity, unit_price from price_book_entries where price_book_id = :b and product_id in (:p)")
                .param("b", bookId).param("p", productIds)
                .query((rs, n) -> new PriceTier(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    static ProductView product(ResultSet rs, int n) throws SQLException {
        return new ProductView(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("unit"),
                rs.getString("category"), rs.getString("description"), rs.getBoolean("active"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static PriceBookView book(ResultSet rs, List<PriceTier> tiers) throws SQLException {
        return new PriceBookView(rs.getLong("id"), rs.getString("name"), rs.getString("currency"), rs.getBoolean("is_default"),
                rs.getBoolean("active"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), tiers);
    }
}

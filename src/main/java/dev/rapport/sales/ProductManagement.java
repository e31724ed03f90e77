package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.ProductStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products (产品) and price books (价目表). Products and prices belong to the company, not to an
 * owner: everyone with {@code product:view} sees them all. A price book prices a product in tiers:
 * the unit price for a quantity is that of the highest tier whose minimum quantity it reaches.
 */
@Service
public class ProductManagement {

    private final ProductStore store;
    private final AuditLog audit;
    private final Clock clock;

    ProductManagement(ProductStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProductView create(CurrentUser user, ProductInput in) {
        user.require("product", "create");
        ProductInput p = validProduct(in, null);
        long id = store.insertProduct(p, !Boolean.FALSE.equals(in.active()), clock.instant());
        audit.recordChanges("product", id, "create", user.id(), List.of(new AuditLog.Change("sku", null, p.sku()),
                new AuditLog.Change("name", null, p.name())));
        return product(user, id);
    }

    @Transactional
    public ProductView update(CurrentUser user, long id, long expectedVersion, ProductInput in) {
        user.require("product", "edit");
        ProductView old = product(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("product", old.version());
        }
        ProductInput p = validProduct(in, id);
        boolean active = in.active() == null ? old.active() : in.active();
        store.updateProduct(id, expectedVersion, p, active, clock.instant());
        audit.recordChanges("product", id, "update", user.id(), List.of(new AuditLog.Change("sku", old.sku(), p.sku()),
                new AuditLog.Change("name", old.name(), p.name()), new AuditLog.Change("unit", old.unit(), p.unit()),
                new AuditLog.Change("active", old.active(), active)));
        return product(user, id);
    }

    public ProductView product(CurrentUser user, long id) {
        user.require("product", "view");
        return store.findProduct(id).orElseThrow(() -> new NotFoundException("product", id));
    }

    /** Products by name, keyset-paged; {@code q} matches the start of the SKU or any part of the name. */
    public CursorPage<ProductView> products(CurrentUser user, String q, boolean activeOnly, String cursor, int limit) {
        user.require("product", "view");
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        String query = q == null || q.isBlank() ? null : q.trim();
        List<ProductView> rows = store.page(query, activeOnly, after == null ? null : after.sortValue(),
                after == null ? null : after.id(), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ProductView last = rows.get(limit - 1);
            next = new Cursor(last.name(), last.id()).encode();
        }
        return new CursorPage<>(rows, next);
    }

    @Transactional
    public PriceBookView createBook(CurrentUser user, PriceBookInput in) {
        user.require("product", "create");
        validBook(in);
        boolean isDefault = Boolean.TRUE.equals(in.isDefault());
        long id = store.insertBook(in.name().trim(), in.currency().trim().toUpperCase(), isDefault,
                !Boolean.FALSE.equals(in.active()), clock.instant());
        if (isDefault) {
            store.clearDefaultExcept(id);
        }
        store.replaceTiers(id, in.tiers() == null ? List.of() : in.tiers());
        audit.recordChanges("price-book", id, "create", user.id(), List.of(new AuditLog.Change("name", null, in.name().trim()),
                new AuditLog.Change("currency", null, in.currency())));
        return book(user, id);
    }

    @Transactional
    public PriceBookView updateBook(CurrentUser user, long id, long expectedVersion, PriceBookInput in) {
        user.require("product", "edit");
        PriceBookView old = book(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("price book", old.version());
        }
        validBook(in);
        boolean isDefault = in.isDefault() == null ? old.isDefault() : in.isDefault();
        boolean active = in.active() == null ? old.active() : in.active();
        store.updateBook(id, expectedVersion, in.name().trim(), in.currency().trim().toUpperCase(), isDefault, active, clock.instant());
        if (isDefault) {
            store.clearDefaultExcept(id);
        }
        if (in.tiers() != null) {
            store.replaceTiers(id, in.tiers());
        }
        audit.recordChanges("price-book", id, "update", user.id(), List.of(new AuditLog.Change("name", old.name(), in.name().trim()),
                new AuditLog.Change("currency", old.currency(), in.currency()), new AuditLog.Change("tiers", old.tiers().size(),
                        in.tiers() == null ? old.tiers().size() : in.tiers().size())));
        return book(user, id);
    }

    public PriceBookView book(CurrentUser user, long id) {
        user.require("product", "view");
        return store.findBook(id).orElseThrow(() -> new NotFoundException("price book", id));
    }

    public List<PriceBookView> books(CurrentUser user) {
        user.require("product", "view");
        return store.books();
    }

    /** The default active price book, if one is set. */
    public Optional<Long> defaultBookId() {
        return store.defaultBookId();
    }

    java.util.Map<Long, ProductView> findProducts(java.util.Collection<Long> ids) {
        return store.findProducts(ids);
    }

    /**
     * The tier prices of some products in a book, read at once: {@link PriceList#unitPrice} then answers
     * by the book's tiers without a query per line.
     */
    PriceList prices(Long bookId, java.util.Collection<Long> productIds) {
        return new PriceList(bookId == null ? List.of() : store.tiers(bookId, productIds));
    }

    record PriceList(List<PriceTier> tiers) {
        /** The unit price of the highest tier whose minimum the quantity reaches; empty when the book has none. */
        Optional<BigDecimal> unitPrice(long productId, BigDecimal quantity) {
            return tiers.stream().filter(t -> t.productId() == productId && t.minQuantity().compareTo(quantity) <= 0)
                    .max(java.util.Comparator.comparing(PriceTier::minQuantity)).map(PriceTier::unitPrice);
        }
    }

    Optional<PriceBookView> findBook(long id) {
        return store.findBook(id);
    }

    private ProductInput validProduct(ProductInput in, Long id) {
        var errors = new InvalidInputException.Collector();
        String sku = trim(in.sku());
        String name = trim(in.name());
        String unit = trim(in.unit());
        if (sku == null) {
            errors.reject("sku", "error.required");
        } else if (sku.length() > 64) {
            errors.reject("sku", "error.tooLong", 64);
        } else if (store.skuTaken(sku, id)) {
            errors.reject("sku", "error.product.skuTaken");
        }
        if (name == null) {
            errors.reject("name", "error.required");
        } else if (name.length() > 200) {
            errors.reject("name", "error.tooLong", 200);
        }
        if (unit == null) {
            errors.reject("unit", "error.required");
        } else if (unit.length() > 30) {
            errors.reject("unit", "error.tooLong", 30);
        }
        if (in.category() != null && in.category().length() > 100) {
            errors.reject("category", "error.tooLong", 100);
        }
        if (in.description() != null && in.description().length() > 2000) {
            errors.reject("description", "error.tooLong", 2000);
        }
        errors.throwIfAny();
        return new ProductInput(sku, name, unit, trim(in.category()), trim(in.description()), in.active());
    }

    private void validBook(PriceBookInput in) {
        var errors = new InvalidInputException.Collector();
        if (trim(in.name()) == null) {
            errors.reject("name", "error.required");
        } else if (in.name().trim().length() > 200) {
            errors.reject("name", "error.tooLong", 200);
        }
        if (!validCurrency(in.currency())) {
            errors.reject("currency", "error.currency.invalid");
        }
        if (in.tiers() != null) {
            Set<String> seen = new HashSet<>();
            var known = store.findProducts(in.tiers().stream().map(PriceTier::productId).collect(java.util.stream.Collectors.toSet()));
            for (PriceTier t : in.tiers()) {
                if (t.minQuantity() == null || t.minQuantity().signum() < 0 || t.unitPrice() == null || t.unitPrice().signum() < 0) {
                    errors.reject("tiers", "error.priceBook.tier");
                } else if (!known.containsKey(t.productId())) {
                    errors.reject("tiers", "error.priceBook.product");
                } else if (!seen.add(t.productId() + ":" + t.minQuantity().stripTrailingZeros().toPlainString())) {
                    errors.reject("tiers", "error.priceBook.duplicateTier");
                }
            }
        }
        errors.throwIfAny();
    }

    static boolean validCurrency(String code) {
        if (code == null || code.trim().length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code.trim().toUpperCase());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Instant now() {
        return clock.instant();
    }
}

package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.PriceBookInput;
import dev.rapport.sales.PriceBookView;
import dev.rapport.sales.PriceTier;
import dev.rapport.sales.ProductInput;
import dev.rapport.sales.ProductManagement;
import dev.rapport.sales.ProductView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Products", description = "Products (产品) and price books (价目表) with tiered prices")
class ProductApiController {

    record ProductRequest(String sku, String name, String unit, String category, String description, Boolean active, Long version) {
        ProductInput toInput() {
            return new ProductInput(sku, name, unit, category, description, active);
        }
    }

    record PriceBookRequest(String name, String currency, Boolean isDefault, Boolean active, List<PriceTier> tiers, Long version) {
        PriceBookInput toInput() {
            return new PriceBookInput(name, currency, isDefault, active, tiers);
        }
    }

    private final ProductManagement products;
    private final UserManagement users;

    ProductApiController(ProductManagement products, UserManagement users) {
        this.products = products;
        this.users = users;
    }

    @Operation(summary = "List products by name; q matches the start of the SKU or any part of the name; keyset paging")
    @GetMapping("/products")
    CursorPage<ProductView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean activeOnly,
                                 @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return products.products(users.current(), q, activeOnly, cursor, Math.max(1, Math.min(limit, 200)));
    }

    @Operation(summary = "Create a product; the SKU must be unique")
    @PostMapping("/products")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest r) {
        ProductView p = products.create(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/products/" + p.id())).eTag(ETags.of(p.version())).body(p);
    }

    @GetMapping("/products/{id}")
    ResponseEntity<ProductView> get(@PathVariable long id) {
        ProductView p = products.product(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Replace a product; send If-Match or version (stale → 412/409)")
    @PutMapping("/products/{id}")
    ResponseEntity<ProductView> replace(@PathVariable long id, @RequestBody ProductRequest r,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long v = expected(ifMatch, r.version(), products.product(me, id).version());
        ProductView p = products.update(me, id, v, r.toInput());
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(p);
    }

    @Operation(summary = "Price books, the default first (without their prices)")
    @GetMapping("/price-books")
    List<PriceBookView> books() {
        return products.books(users.current());
    }

    @Operation(summary = "Create a price book with its tiers (productId, minQuantity, unitPrice)")
    @PostMapping("/price-books")
    ResponseEntity<PriceBookView> createBook(@RequestBody PriceBookRequest r) {
        PriceBookView b = products.createBook(users.current(), r.toInput());
        return ResponseEntity.created(URI.create("/api/v1/price-books/" + b.id())).eTag(ETags.of(b.version())).body(b);
    }

    @GetMapping("/price-books/{id}")
    ResponseEntity<PriceBookView> book(@PathVariable long id) {
        PriceBookView b = products.book(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(b.version())).body(b);
    }

    @Operation(summary = "Replace a price book; tiers, when given, replace all its prices; send If-Match or version")
    @PutMapping("/price-books/{id}")
    ResponseEntity<PriceBookView> replaceBook(@PathVariable long id, @RequestBody PriceBookRequest r,
                                              @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long v = expected(ifMatch, r.version(), products.book(me, id).version());
        PriceBookView b = products.updateBook(me, id, v, r.toInput());
        return ResponseEntity.ok().eTag(ETags.of(b.version())).body(b);
    }

    private static long expected(String ifMatch, Long bodyVersion, long current) {
        if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        return ETags.expectedVersion(ifMatch, bodyVersion, current);
    }
}

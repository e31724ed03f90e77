package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.PriceBookInput;
import dev.rapport.sales.PriceBookView;
import dev.rapport.sales.PriceTier;
import dev.rapport.sales.ProductInput;
import dev.rapport.sales.ProductManagement;
import dev.rapport.sales.ProductView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Product and price book pages (产品, 价目表). */
@Controller
class ProductPagesController {

    private final ProductManagement products;
    private final UserManagement users;

    ProductPagesController(ProductManagement products, UserManagement users) {
        this.products = products;
        this.users = users;
    }

    @GetMapping("/products")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = users.current();
        var page = products.products(me, q, false, cursor, 50);
        model.addAttribute("products", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("q", q);
        model.addAttribute("books", products.books(me));
        model.addAttribute("canEdit", me.can("product", "edit"));
        model.addAttribute("canCreate", me.can("product", "create"));
        return "sales/products";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        users.current().require("product", "create");
        model.addAttribute("product", new ProductInput("", "", "", "", "", true));
        model.addAttribute("version", 0L);
        return "sales/product-form";
    }

    @GetMapping("/products/{id}")
    String edit(@PathVariable long id, Model model) {
        ProductView p = products.product(users.current(), id);
        model.addAttribute("product", new ProductInput(p.sku(), p.name(), p.unit(), p.category(), p.description(), p.active()));
        model.addAttribute("productId", id);
        model.addAttribute("version", p.version());
        return "sales/product-form";
    }

    @PostMapping({"/products", "/products/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String sku, @RequestParam(required = false) String name,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String category,
                @RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean active,
                @RequestParam(defaultValue = "0") long version, Model model) {
        CurrentUser me = users.current();
        ProductInput in = new ProductInput(sku, name, unit, category, description, active);
        try {
            if (id == null) {
                products.create(me, in);
            } else {
                products.update(me, id, version, in);
            }
            return "redirect:/products";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        model.addAttribute("product", in);
        model.addAttribute("productId", id);
        model.addAttribute("version", version);
        return "sales/product-form";
    }

    @GetMapping("/price-books/new")
    String newBook(Model model) {
        CurrentUser me = users.current();
        me.require("product", "create");
        return book(me, new PriceBookView(0, "", "CNY", false, true, 0, null, null, List.of()), null, model);
    }

    @GetMapping("/price-books/{id}")
    String showBook(@PathVariable long id, Model model) {
        CurrentUser me = users.current();
        return book(me, products.book(me, id), id, model);
    }

    @PostMapping({"/price-books", "/price-books/{id}"})
    String saveBook(@PathVariable(required = false) Long id, @RequestParam MultiValueMap<String, String> p, Model model) {
        CurrentUser me = users.current();
        List<PriceTier> tiers = new ArrayList<>();
        List<String> productIds = p.getOrDefault("tier.productId", List.of());
        var errors = new InvalidInputException.Collector();
        for (int i = 0; i < productIds.size(); i++) {
            String product = productIds.get(i);
            String min = at(p, "tier.minQuantity", i);
            String price = at(p, "tier.unitPrice", i);
            if (product.isBlank() && price.isBlank()) {
                continue;
            }
            try {
                tiers.add(new PriceTier(Long.parseLong(product.trim()), new BigDecimal(min.isBlank() ? "1" : min.trim()), new BigDecimal(price.trim())));
            } catch (NumberFormatException e) {
                errors.reject("tiers", "error.priceBook.tier");
            }
        }
        String v = p.getFirst("version");
        long version = v == null || v.isBlank() ? 0 : Long.parseLong(v);
        PriceBookInput in = new PriceBookInput(p.getFirst("name"), p.getFirst("currency"), p.containsKey("isDefault"), p.containsKey("active"), tiers);
        try {
            errors.throwIfAny();
            PriceBookView saved = id == null ? products.createBook(me, in) : products.updateBook(me, id, version, in);
            return "redirect:/price-books/" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return book(me, new PriceBookView(id == null ? 0 : id, in.name(), in.currency(), in.isDefault(), in.active(), version, null, null,
                tiers), id, model);
    }

    private String book(CurrentUser me, PriceBookView b, Long id, Model model) {
        model.addAttribute("book", b);
        model.addAttribute("bookId", id);
        model.addAttribute("products", products.products(me, null, false, null, 200).items());
        model.addAttribute("canEdit", me.can("product", "edit"));
        return "sales/price-book";
    }

    private static String at(MultiValueMap<String, String> p, String name, int i) {
        List<String> v = p.getOrDefault(name, List.of());
        return i < v.size() ? v.get(i) : "";
    }
}

package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Products on opportunities through the API: tier prices, line totals, the amount rule, versions, errors and the quote. */
class OpportunityLinesApiTest extends ApiTestSupport {

    long product(String name) {
        var r = post(adminToken(), "/api/v1/products", "{\"sku\":\"" + unique("OPP") + "\",\"name\":\"" + name + "\",\"unit\":\"台\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    /** 100 from 1, 90 from 10. */
    long book(String currency, long product) {
        var r = post(adminToken(), "/api/v1/price-books", "{\"name\":\"" + unique("book") + "\",\"currency\":\"" + currency + "\",\"tiers\":["
                + "{\"productId\":" + product + ",\"minQuantity\":1,\"unitPrice\":100},"
                + "{\"productId\":" + product + ",\"minQuantity\":10,\"unitPrice\":90}]}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    long opportunity(String currency, String amount) {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("产品客户") + "\"}");
        var r = post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + unique("产品商机") + "\",\"customerId\":" + c
                + ",\"currency\":\"" + currency + "\",\"amount\":" + amount + "}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    @Test
    void linesTakeTierPricesAndTheAmountIsTheirSum() {
        long p = product("服务器");
        long book = book("CNY", p);
        long o = opportunity("CNY", "5");
        String uri = "/api/v1/opportunities/" + o + "/products";

        var r = put(adminToken(), uri, "{\"priceBookId\":" + book + ",\"version\":0,\"lines\":["
                + "{\"productId\":" + p + ",\"quantity\":9},"
                + "{\"productId\":" + p + ",\"quantity\":10,\"discountPercent\":10},"
                + "{\"productId\":" + p + ",\"quantity\":3,\"unitPrice\":33.333,\"discountPercent\":0}]}", null);

        assertThat(r).as(body(r)).hasStatusOk();
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        List<Object> totals = json(r, "$.lines[*].lineTotal");
        assertThat(totals.stream().map(Object::toString).toList()).containsExactly("900.0", "810.0", "100.0");
        List<Boolean> overridden = json(r, "$.lines[*].priceOverridden");
        assertThat(overridden).containsExactly(false, false, true);
        assertThat(json(r, "$.amount").toString()).isEqualTo("1810.0");
        assertThat(json(get(adminToken(), "/api/v1/opportunities/" + o), "$.amount").toString()).isEqualTo("1810.0");

        // the quantity moves a tier-priced line to its tier; the typed price stays
        var again = put(adminToken(), uri, "{\"version\":1,\"lines\":[{\"productId\":" + p + ",\"quantity\":12},"
                + "{\"productId\":" + p + ",\"quantity\":3,\"unitPrice\":33.333}]}", null);
        assertThat(again).as(body(again)).hasStatusOk();
        assertThat(json(again, "$.priceBookId").toString()).as("the book is kept").isEqualTo(String.valueOf(book));
        assertThat(json(again, "$.lines[0].unitPrice").toString()).isEqualTo("90");
        assertThat(json(again, "$.amount").toString()).isEqualTo("1180.0");

        // while there are lines, a typed amount is ignored and the currency cannot change
        var typed = patch(adminToken(), "/api/v1/opportunities/" + o, "{\"amount\":7,\"name\":\"renamed\",\"version\":2}");
        assertThat(typed).as(body(typed)).hasStatusOk();
        assertThat(json(typed, "$.amount").toString()).isEqualTo("1180.0");
        var currency = patch(adminToken(), "/api/v1/opportunities/" + o, "{\"currency\":\"USD\",\"version\":3}");
        assertThat(currency).hasStatus(400);
        assertThat(body(currency)).contains("currency");

        List<String> fields = json(get(adminToken(), "/api/v1/opportunities/" + o + "/history"), "$.items[*].field");
        assertThat(fields).contains("lines", "price_book_id");

        // without a price book only typed prices will do
        var noBook = put(adminToken(), uri, "{\"priceBookId\":0,\"version\":3,\"lines\":[{\"productId\":" + p + ",\"quantity\":12}]}", null);
        assertThat(noBook).hasStatus(400);
        assertThat(body(noBook)).contains("lines[0].unitPrice");

        // removing every line leaves the amount, to be typed again
        var none = put(adminToken(), uri, "{\"version\":3,\"lines\":[]}", null);
        assertThat(none).as(body(none)).hasStatusOk();
        assertThat(json(none, "$.lines").toString()).isEqualTo("[]");
        assertThat(json(none, "$.amount").toString()).isEqualTo("1180.0");
    }

    @Test
    void staleVersionsAreRefused() {
        long p = product("交换机");
        long book = book("CNY", p);
        long o = opportunity("CNY", "0");
        String uri = "/api/v1/opportunities/" + o + "/products";
        String body = "{\"priceBookId\":" + book + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]";
        assertThat(put(adminToken(), uri, body + ",\"version\":0}", null)).hasStatusOk();
        assertThat(put(adminToken(), uri, body + ",\"version\":0}", null)).hasStatus(409);
        assertThat(put(adminToken(), uri, body + "}", "\"0\"")).hasStatus(412);
        assertThat(put(adminToken(), uri, body + "}", null)).as("a version is required").hasStatus(400);
        assertThat(put(adminToken(), uri, body + "}", "\"1\"")).hasStatusOk();
    }

    @Test
    void badLinesNameTheirFieldAndNothingIsWritten() {
        long p = product("路由器");
        long usdBook = book("USD", p);
        long o = opportunity("CHF", "42");
        String uri = "/api/v1/opportunities/" + o + "/products";

        var wrongBook = put(adminToken(), uri, "{\"priceBookId\":" + usdBook + ",\"version\":0,\"lines\":[{\"productId\":" + p
                + ",\"quantity\":1,\"unitPrice\":1}]}", null);
        assertThat(wrongBook).hasStatus(400);
        assertThat(body(wrongBook)).contains("priceBookId").contains("CHF");

        var bad = put(adminToken(), uri, "{\"version\":0,\"lines\":[{\"productId\":" + p + ",\"quantity\":1},"
                + "{\"productId\":" + p + ",\"quantity\":0,\"unitPrice\":1},{\"productId\":" + p + ",\"quantity\":1,\"unitPrice\":1,"
                + "\"discountPercent\":120},{\"quantity\":1},{\"productId\":999999999,\"quantity\":1}]}", null);
        assertThat(bad).hasStatus(400);
        assertThat(body(bad)).as("no CHF book: a line needs a typed price").contains("lines[0].unitPrice")
                .contains("lines[1].quantity").contains("lines[2].discountPercent").contains("lines[3].productId")
                .contains("lines[4].productId");
        var after = get(adminToken(), uri);
        assertThat(json(after, "$.lines").toString()).isEqualTo("[]");
        assertThat(json(after, "$.version").toString()).isEqualTo("0");
        assertThat(json(after, "$.amount").toString()).isEqualTo("42.0");
    }

    @Test
    void aQuoteFromTheOpportunityCarriesItsLinesAndLinksBack() {
        long p = product("存储阵列");
        long book = book("CNY", p);
        long o = opportunity("CNY", "0");
        assertThat(post(adminToken(), "/api/v1/opportunities/" + o + "/quote", "{}")).as("no lines yet").hasStatus(400);
        put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"priceBookId\":" + book + ",\"version\":0,\"lines\":["
                + "{\"productId\":" + p + ",\"quantity\":10,\"discountPercent\":5},{\"productId\":" + p + ",\"quantity\":1,\"unitPrice\":12.5}]}", null);

        var q = post(adminToken(), "/api/v1/opportunities/" + o + "/quote", "{}");

        assertThat(q).as(body(q)).hasStatus(201);
        assertThat(json(q, "$.opportunityId").toString()).isEqualTo(String.valueOf(o));
        assertThat(json(q, "$.priceBookId").toString()).isEqualTo(String.valueOf(book));
        assertThat(json(q, "$.status").toString()).isEqualTo("draft");
        assertThat(json(q, "$.lines.length()").toString()).isEqualTo("2");
        assertThat(json(q, "$.total").toString()).as("855 + 12.50, no tax yet").isEqualTo("867.5");

        long stranger = createCustomer(adminToken(), "{\"name\":\"" + unique("别的客户") + "\"}");
        var foreign = post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + stranger + ",\"opportunityId\":" + o
                + ",\"priceBookId\":" + book + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}");
        assertThat(foreign).as("a quote cannot claim another customer's opportunity").hasStatus(400);
        assertThat(body(foreign)).contains("opportunityId");
    }

    @Test
    void aQuoteNeedsAPriceBookInTheOpportunitysCurrency() {
        long p = product("光模块");
        // a currency no price book uses yet (the database may be shared with earlier runs)
        List<String> used = json(get(adminToken(), "/api/v1/price-books"), "$[*].currency");
        String cur = java.util.Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() == 2)
                .map(java.util.Currency::getCurrencyCode).filter(c -> !used.contains(c) && !c.startsWith("X")).sorted()
                .findFirst().orElseThrow();
        long o = opportunity(cur, "0");
        put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"version\":0,\"lines\":[{\"productId\":" + p
                + ",\"quantity\":1,\"unitPrice\":10}]}", null);
        var refused = post(adminToken(), "/api/v1/opportunities/" + o + "/quote", "{}");
        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains("priceBookId").contains(cur);
        long isk = book(cur, p);
        var q = post(adminToken(), "/api/v1/opportunities/" + o + "/quote", "{}");
        assertThat(q).as(body(q)).hasStatus(201);
        assertThat(json(q, "$.currency").toString()).isEqualTo(cur);
        assertThat(json(q, "$.priceBookId").toString()).isEqualTo(String.valueOf(isk));
    }

    @Test
    void aRepWhoCannotSeeTheOpportunityGetsNotFoundAndDeletingItTakesItsLines() {
        long p = product("防火墙");
        long book = book("CNY", p);
        long o = opportunity("CNY", "0");
        put(adminToken(), "/api/v1/opportunities/" + o + "/products", "{\"priceBookId\":" + book + ",\"version\":0,\"lines\":["
                + "{\"productId\":" + p + ",\"quantity\":2}]}", null);
        String email = unique("rep") + "@test.local";
        createUser(email, "sales-rep", 1, null);
        String rep = token(email, "password-123");
        assertThat(get(rep, "/api/v1/opportunities/" + o + "/products")).hasStatus(404);
        assertThat(put(rep, "/api/v1/opportunities/" + o + "/products", "{\"version\":1,\"lines\":[]}", null)).hasStatus(404);
        assertThat(delete(adminToken(), "/api/v1/opportunities/" + o)).hasStatus2xxSuccessful();
        assertThat(get(adminToken(), "/api/v1/opportunities/" + o + "/products")).hasStatus(404);
    }
}

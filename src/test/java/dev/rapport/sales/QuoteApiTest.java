package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Quotes through the API: pricing, totals, approval, sending rules, versions, scope, locking and the PDF. */
class QuoteApiTest extends ApiTestSupport {

    long product(String name) {
        var r = post(adminToken(), "/api/v1/products", "{\"sku\":\"" + unique("SKU") + "\",\"name\":\"" + name + "\",\"unit\":\"台\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    /** A CNY price book: 100 from 1, 90 from 10, 80 from 100. */
    long tieredBook(long product) {
        var r = post(adminToken(), "/api/v1/price-books", "{\"name\":\"" + unique("book") + "\",\"currency\":\"CNY\",\"tiers\":["
                + "{\"productId\":" + product + ",\"minQuantity\":1,\"unitPrice\":100},"
                + "{\"productId\":" + product + ",\"minQuantity\":10,\"unitPrice\":90},"
                + "{\"productId\":" + product + ",\"minQuantity\":100,\"unitPrice\":80}]}");
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    MvcTestResult quote(String token, long customer, long book, long product, String qty, String discount) {
        return post(token, "/api/v1/quotes", "{\"customerId\":" + customer + ",\"priceBookId\":" + book + ",\"discountPercent\":" + discount
                + ",\"terms\":\"付款方式：款到发货\",\"lines\":[{\"productId\":" + product + ",\"quantity\":" + qty + ",\"taxRate\":13}]}");
    }

    long created(MvcTestResult r) {
        assertThat(r).as(body(r)).hasStatus(201);
        return id(r, "$.id");
    }

    int version(String token, long id) {
        return json(get(token, "/api/v1/quotes/" + id), "$.version");
    }

    @Test
    void aProductLineTakesTheTierPriceForItsQuantityUnlessThePriceIsTyped() {
        long p = product("服务器");
        long book = tieredBook(p);
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("星河科技") + "\"}");

        var r = post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer + ",\"priceBookId\":" + book + ",\"lines\":["
                + "{\"productId\":" + p + ",\"quantity\":9},{\"productId\":" + p + ",\"quantity\":10},"
                + "{\"productId\":" + p + ",\"quantity\":250},{\"productId\":" + p + ",\"quantity\":1,\"unitPrice\":55.5},"
                + "{\"description\":\"安装调试\",\"quantity\":1,\"unitPrice\":300}]}");

        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(json(r, "$.number").toString()).matches("Q-\\d{4}-\\d{6}");
        assertThat(json(r, "$.currency").toString()).isEqualTo("CNY");
        List<Number> prices = json(r, "$.lines[*].unitPrice");
        assertThat(prices.stream().map(Number::doubleValue)).containsExactly(100.0, 90.0, 80.0, 55.5, 300.0);
        List<Boolean> overridden = json(r, "$.lines[*].priceOverridden");
        assertThat(overridden).containsExactly(false, false, false, true, true);
        assertThat(json(r, "$.lines[1].unit").toString()).isEqualTo("台");
        // 900 + 900 + 20000 + 55.5 + 300
        assertThat(((Number) json(r, "$.total")).doubleValue()).isEqualTo(22155.5);
    }

    @Test
    void aDiscountAboveTheThresholdNeedsApprovalAndOneBelowDoesNot() {
        long p = product("交换机");
        long book = tieredBook(p);
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("华东制造") + "\"}");

        long small = created(quote(adminToken(), customer, book, p, "2", "10"));
        assertThat((Boolean) json(get(adminToken(), "/api/v1/quotes/" + small), "$.needsApproval")).isFalse();
        var submitted = post(adminToken(), "/api/v1/quotes/" + small + "/submit", "{\"version\":0}");
        assertThat(json(submitted, "$.status").toString()).isEqualTo("approved");

        long big = created(quote(adminToken(), customer, book, p, "2", "15.01"));
        assertThat((Boolean) json(get(adminToken(), "/api/v1/quotes/" + big), "$.needsApproval")).isTrue();
        submitted = post(adminToken(), "/api/v1/quotes/" + big + "/submit", "{\"version\":0}");
        assertThat(json(submitted, "$.status").toString()).isEqualTo("pending-approval");
        assertThat(body(get(adminToken(), "/api/v1/quotes/" + big + "/approvals"))).contains("\"status\":\"pending\"");

        // exactly at the threshold is not above it
        long edge = created(quote(adminToken(), customer, book, p, "2", "15"));
        assertThat((Boolean) json(get(adminToken(), "/api/v1/quotes/" + edge), "$.needsApproval")).isFalse();
    }

    @Test
    void aQuoteNeedingApprovalCannotBeSentBeforeItIsApprovedAndTheApproverMustSeeTheOwner() {
        long region = createDepartment(unique("华南大区"), 1);
        long other = createDepartment(unique("华北大区"), 1);
        String repEmail = unique("rep") + "@test.local";
        String mgrEmail = unique("mgr") + "@test.local";
        String farMgrEmail = unique("far") + "@test.local";
        long repId = createUser(repEmail, "sales-rep", region, null);
        long mgrId = createUser(mgrEmail, "sales-manager", region, null);
        createUser(farMgrEmail, "sales-manager", other, null);
        String rep = token(repEmail, "password-123");
        String mgr = token(mgrEmail, "password-123");
        String farMgr = token(farMgrEmail, "password-123");
        long p = product("路由器");
        long book = tieredBook(p);
        long customer = createCustomer(rep, "{\"name\":\"" + unique("深圳客户") + "\"}");

        long q = created(quote(rep, customer, book, p, "5", "30"));
        var early = post(rep, "/api/v1/quotes/" + q + "/send", "{\"version\":0,\"to\":\"buyer@example.test\"}");
        assertThat(early).hasStatus(400);
        assertThat(body(early)).contains("status");
        assertThat(post(rep, "/api/v1/quotes/" + q + "/submit", "{\"version\":0}")).hasStatusOk();
        early = post(rep, "/api/v1/quotes/" + q + "/send", "{\"version\":1,\"to\":\"buyer@example.test\"}");
        assertThat(early).hasStatus(400);

        // the rep may not approve; a manager of another region does not even see the quote
        assertThat(post(rep, "/api/v1/quotes/" + q + "/approve", "{}")).hasStatus(403);
        assertThat(post(farMgr, "/api/v1/quotes/" + q + "/approve", "{}")).hasStatus(404);
        assertThat(body(get(farMgr, "/api/v1/approvals"))).doesNotContain("\"recordId\":" + q + ",");
        // the manager of the rep's region gets a notification and sees the request
        assertThat(body(get(mgr, "/api/v1/notifications"))).contains("/quotes/" + q);
        assertThat(body(get(mgr, "/api/v1/approvals"))).contains("\"recordId\":" + q + ",");

        var approved = post(mgr, "/api/v1/quotes/" + q + "/approve", "{\"comment\":\"同意\"}");
        assertThat(approved).as(body(approved)).hasStatusOk();
        assertThat(json(approved, "$.status").toString()).isEqualTo("approved");
        assertThat(body(get(rep, "/api/v1/notifications"))).contains("/quotes/" + q);
        assertThat(body(get(mgr, "/api/v1/approvals"))).doesNotContain("\"recordId\":" + q + ",");
        assertThat(repId).isNotEqualTo(mgrId);
    }

    @Test
    void aRejectedQuoteCanBeEditedAndSubmittedAgain() {
        long region = createDepartment(unique("西南大区"), 1);
        String repEmail = unique("rep") + "@test.local";
        String mgrEmail = unique("mgr") + "@test.local";
        createUser(repEmail, "sales-rep", region, null);
        createUser(mgrEmail, "sales-manager", region, null);
        String rep = token(repEmail, "password-123");
        String mgr = token(mgrEmail, "password-123");
        long p = product("防火墙");
        long book = tieredBook(p);
        long customer = createCustomer(rep, "{\"name\":\"" + unique("成都客户") + "\"}");
        long q = created(quote(rep, customer, book, p, "1", "40"));
        post(rep, "/api/v1/quotes/" + q + "/submit", "{\"version\":0}");

        assertThat(post(mgr, "/api/v1/quotes/" + q + "/reject", "{}")).hasStatus(400); // a reason is required
        var rejected = post(mgr, "/api/v1/quotes/" + q + "/reject", "{\"comment\":\"折扣太大\"}");
        assertThat(json(rejected, "$.status").toString()).isEqualTo("rejected");

        int v = version(rep, q);
        var edited = put(rep, "/api/v1/quotes/" + q, "{\"customerId\":" + customer + ",\"priceBookId\":" + book
                + ",\"discountPercent\":5,\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", "\"" + v + "\"");
        assertThat(edited).as(body(edited)).hasStatusOk();
        assertThat(json(edited, "$.status").toString()).isEqualTo("draft");
        var again = post(rep, "/api/v1/quotes/" + q + "/submit", "{\"version\":" + (v + 1) + "}");
        assertThat(json(again, "$.status").toString()).isEqualTo("approved");
    }

    @Test
    void revisingAnApprovedQuoteMakesANewVersionAndKeepsTheOldOneReadable() {
        long p = product("存储");
        long book = tieredBook(p);
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("西部数据") + "\"}");
        long q = created(quote(adminToken(), customer, book, p, "3", "0"));
        String number = json(get(adminToken(), "/api/v1/quotes/" + q), "$.number");
        post(adminToken(), "/api/v1/quotes/" + q + "/submit", "{\"version\":0}");

        var revised = post(adminToken(), "/api/v1/quotes/" + q + "/revise", "{\"version\":1}");

        assertThat(revised).as(body(revised)).hasStatus(201);
        assertThat(json(revised, "$.number").toString()).isEqualTo(number + "-v2");
        assertThat(json(revised, "$.status").toString()).isEqualTo("draft");
        assertThat((Integer) json(revised, "$.revision")).isEqualTo(2);
        assertThat(body(revised)).contains("\"total\":339.00");
        var old = get(adminToken(), "/api/v1/quotes/" + q);
        assertThat(json(old, "$.status").toString()).isEqualTo("superseded");
        assertThat(json(old, "$.number").toString()).isEqualTo(number);
        assertThat(((Number) json(old, "$.supersededBy")).longValue()).isEqualTo(id(revised, "$.id"));
        assertThat(json(old, "$.lines").toString()).contains("存储");
        // the old version is read-only
        assertThat(put(adminToken(), "/api/v1/quotes/" + q, "{\"customerId\":" + customer + ",\"lines\":[]}", null)).hasStatus(400);
    }

    @Test
    void anotherRepsQuoteIsNotFoundAnywhere() {
        String aEmail = unique("a") + "@test.local";
        String bEmail = unique("b") + "@test.local";
        createUser(aEmail, "sales-rep", 1, null);
        createUser(bEmail, "sales-rep", 1, null);
        String a = token(aEmail, "password-123");
        String b = token(bEmail, "password-123");
        long p = product("耳机");
        long book = tieredBook(p);
        long customer = createCustomer(a, "{\"name\":\"" + unique("A的客户") + "\"}");
        long q = created(quote(a, customer, book, p, "1", "0"));

        assertThat(get(b, "/api/v1/quotes/" + q)).hasStatus(404);
        assertThat(get(b, "/api/v1/quotes/" + q + "/pdf")).hasStatus(404);
        assertThat(post(b, "/api/v1/quotes/" + q + "/submit", "{\"version\":0}")).hasStatus(404);
        assertThat(body(get(b, "/api/v1/quotes?customerId=" + customer))).contains("\"items\":[]");
        // and b cannot quote a's customer
        var foreign = quote(b, customer, book, p, "1", "0");
        assertThat(foreign).hasStatus(400);
        assertThat(body(foreign)).contains("customerId");
    }

    @Test
    void aStaleUpdateIsAConflict() {
        long p = product("显示器");
        long book = tieredBook(p);
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("光明")+ "\"}");
        long q = created(quote(adminToken(), customer, book, p, "1", "0"));
        String body = "{\"customerId\":" + customer + ",\"priceBookId\":" + book + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":2}],\"version\":0}";
        assertThat(put(adminToken(), "/api/v1/quotes/" + q, body, null)).hasStatusOk();

        assertThat(put(adminToken(), "/api/v1/quotes/" + q, body, null)).hasStatus(409);
        assertThat(put(adminToken(), "/api/v1/quotes/" + q, body, "\"0\"")).hasStatus(412);
        assertThat(post(adminToken(), "/api/v1/quotes/" + q + "/submit", "{\"version\":0}")).hasStatus(409);
    }

    @Test
    void invalidLinesAreReportedPerField() {
        long p = product("键盘");
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("键盘客户") + "\"}");
        long emptyBook = id(post(adminToken(), "/api/v1/price-books", "{\"name\":\"" + unique("empty") + "\",\"currency\":\"USD\"}"), "$.id");

        var r = post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer + ",\"priceBookId\":" + emptyBook
                + ",\"discountPercent\":120,\"lines\":[{\"productId\":" + p + ",\"quantity\":1},{\"quantity\":0,\"description\":\"x\",\"unitPrice\":1}]}");

        assertThat(r).hasStatus(400);
        assertThat(body(r)).contains("discountPercent").contains("lines[0].unitPrice").contains("lines[1].quantity");
    }

    @Test
    void thePdfShowsTheChineseCustomerNameAndTheTotal() throws IOException {
        long p = product("云服务器年费");
        long book = tieredBook(p);
        String name = unique("北京星河科技有限公司");
        long customer = createCustomer(adminToken(), "{\"name\":\"" + name + "\"}");
        long q = created(quote(adminToken(), customer, book, p, "12", "5"));
        String total = body(get(adminToken(), "/api/v1/quotes/" + q)).replaceAll(".*\"total\":([0-9.]+).*", "$1");

        var pdf = mvc.get().uri("/api/v1/quotes/" + q + "/pdf").header("Authorization", "Bearer " + adminToken())
                .header("Accept-Language", "zh-CN").exchange();

        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(name).contains("报价单").contains("云服务器年费").contains("付款方式：款到发货").contains(total);
        }
        assertThat(total).isEqualTo("1159.38"); // 12 × 90 = 1080, −5 % = 1026, +13 % tax on 1026
    }
}

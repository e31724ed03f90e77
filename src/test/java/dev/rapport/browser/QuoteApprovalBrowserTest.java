package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.PriceBookInput;
import dev.rapport.sales.PriceTier;
import dev.rapport.sales.ProductInput;
import dev.rapport.sales.ProductManagement;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep quotes with a large discount and submits it; their manager approves it on the approvals
 * page; the rep downloads the PDF, which the browser receives as a PDF showing the Chinese customer name.
 */
class QuoteApprovalBrowserTest extends BrowserTestSupport {

    @Autowired
    UserManagement users;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ProductManagement products;

    @Test
    void aQuoteWithALargeDiscountIsApprovedByTheManagerAndDownloadedAsPdf() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String repEmail = "rep-" + tag + "@test.local";
        String mgrEmail = "mgr-" + tag + "@test.local";
        users.create(repEmail, "Rep " + tag, "password-123", "sales-rep", 1L, null, null);
        users.create(mgrEmail, "Manager " + tag, "password-123", "sales-manager", 1L, null, null);
        CurrentUser rep = users.load(repEmail).orElseThrow();
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String name = "杭州西湖茶业 " + tag;
        long customer = customers.create(rep, new CustomerInput("organization", name, null, null, null, null, null, null, null,
                null, null, List.of(), null, null, null, null, null, null, Map.of())).id();
        long product = products.create(admin, new ProductInput("TEA-" + tag, "龙井茶礼盒", "盒", null, null, true)).id();
        long book = products.createBook(admin, new PriceBookInput("茶叶价目表 " + tag, "CNY", false, true,
                List.of(new PriceTier(product, BigDecimal.ONE, new BigDecimal("200")), new PriceTier(product, BigDecimal.TEN, new BigDecimal("180"))))).id();

        logIn(repEmail, "password-123");
        open("/customers/" + customer + "?lang=en");
        waitFor(By.id("new-quote")).click();
        new Select(waitFor(By.id("priceBookId"))).selectByValue(String.valueOf(book));
        new Select(driver.findElement(By.name("line.productId"))).selectByValue(String.valueOf(product));
        type(By.name("line.quantity"), "10");
        type(By.id("discountPercent"), "30");
        driver.findElement(By.id("save-quote")).click();
        waitForText(By.id("quote-total"), "1423.80"); // 10 × 180 = 1800, −30 % = 1260, +13 % tax
        driver.findElement(By.id("quote-submit")).click();
        waitForText(By.id("quote-status"), "Pending approval");
        String quoteUrl = driver.getCurrentUrl();
        long quote = Long.parseLong(quoteUrl.substring(quoteUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
        assertThat(driver.findElements(By.id("send-form"))).isEmpty();

        driver.manage().deleteAllCookies();
        logIn(mgrEmail, "password-123");
        open("/approvals?lang=en");
        waitFor(By.cssSelector("tr[data-record='" + quote + "'] button.approve")).click();
        waitFor(By.id("approval-table"));
        assertThat(driver.findElements(By.cssSelector("tr[data-record='" + quote + "']"))).isEmpty();

        driver.manage().deleteAllCookies();
        logIn(repEmail, "password-123");
        open("/quotes/" + quote + "?lang=en");
        waitForText(By.id("quote-status"), "Approved");
        waitFor(By.id("send-form"));
        String href = waitFor(By.id("quote-pdf")).getAttribute("href");
        // fetch the download in the page, with the browser's session, and hand its bytes back
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
                  done([r.status, r.headers.get('content-type'), btoa(s)]);
                }));""", href);
        List<?> result = (List<?>) answer;
        assertThat(((Number) result.get(0)).intValue()).isEqualTo(200);
        assertThat(result.get(1).toString()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode(result.get(2).toString()))) {
            assertThat(new PDFTextStripper().getText(doc)).contains(name).contains("龙井茶礼盒").contains("1423.80");
        }
    }
}

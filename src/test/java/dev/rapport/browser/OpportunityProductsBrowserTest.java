package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.OpportunityInput;
import dev.rapport.sales.OpportunityManagement;
import dev.rapport.sales.PriceBookInput;
import dev.rapport.sales.PriceTier;
import dev.rapport.sales.ProductInput;
import dev.rapport.sales.ProductManagement;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The opportunity page: a product found by search is added as a line priced from the price book,
 * the amount follows, a contact gets a place in this deal's chain, and the stage still moves (the
 * page's version fields followed the line change).
 */
class OpportunityProductsBrowserTest extends BrowserTestSupport {

    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ContactManagement contacts;
    @Autowired
    ProductManagement products;
    @Autowired
    OpportunityManagement opportunities;

    @Test
    void addsAProductLineAndPlacesAContactOnTheOpportunityPage() throws Exception {
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long product = products.create(admin, new ProductInput("BR-" + tag, "私有云平台 " + tag, "套", null, null, true)).id();
        long book = products.createBook(admin, new PriceBookInput("浏览器价目表 " + tag, "CNY", false, true,
                List.of(new PriceTier(product, BigDecimal.ONE, new BigDecimal("20000"))))).id();
        long org = customers.create(admin, new CustomerInput("organization", "云帆集团" + tag, null, null, null, null, null, null, null,
                null, null, List.of(), null, null, null, null, null, null, Map.of())).id();
        long cio = contacts.create(admin, new ContactInput(org, "陈总监", "信息总监", null, null, null, null, null, null, Map.of())).id();
        long o = opportunities.create(admin, new OpportunityInput("私有云项目 " + tag, org, null, null, null, null, "CNY", null, null,
                null, null)).id();

        logIn("admin@test.local", "admin-password-1");
        open("/opportunities/" + o + "?lang=zh-CN");
        new Select(waitFor(By.id("line-price-book"))).selectByValue(String.valueOf(book));
        driver.findElement(By.id("price-book-save")).click();
        waitFor(By.cssSelector("#line-price-book option[selected][value='" + book + "']"));
        var firstChoices = waitFor(By.id("product-choice"));
        waitFor(By.id("product-search")).sendKeys("BR-" + tag);
        // the search answers after a pause in typing and replaces the choices
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(firstChoices));
        waitFor(By.cssSelector("#product-choice option[value='" + product + "']"));
        new Select(driver.findElement(By.id("product-choice"))).selectByValue(String.valueOf(product));
        type(By.id("line-quantity"), "2");
        driver.findElement(By.id("line-add")).click();
        waitForText(By.id("opportunity-lines"), "BR-" + tag);
        assertThat(driver.findElement(By.id("opportunity-lines")).getText()).contains("40,000.00").contains("（价目表）");
        waitForText(By.id("opportunity-amount"), "40,000.00");

        driver.findElement(By.cssSelector("#chain-node-" + cio + " button")).click();
        waitFor(By.id("stakeholder-form"));
        new Select(driver.findElement(By.id("stakeholder-role"))).selectByValue("decision-maker");
        new Select(driver.findElement(By.id("stakeholder-attitude"))).selectByValue("supporter");
        driver.findElement(By.id("stakeholder-save")).click();
        waitForText(By.id("chain-node-" + cio), "本商机中的角色");
        assertThat(driver.findElement(By.id("chain-node-" + cio)).getText()).contains("决策者");

        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("opportunity-chain.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('opportunity-products').scrollIntoView()");
        Files.write(dir.resolve("opportunity-products.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        driver.findElement(By.id("move-stage")).click();
        waitFor(By.id("opportunity-name"));
        assertThat(driver.findElements(By.cssSelector(".flash.bad"))).as("the stage form carried the current version").isEmpty();
    }
}

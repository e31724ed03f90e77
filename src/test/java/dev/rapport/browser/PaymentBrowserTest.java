package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.OrderInput;
import dev.rapport.sales.OrderLineInput;
import dev.rapport.sales.OrderManagement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** Open a confirmed order, record a payment on its page, and see the receivable drop; split its plan and pay a chosen instalment. */
class PaymentBrowserTest extends BrowserTestSupport {

    @Autowired
    UserManagement users;

    @Autowired
    CustomerManagement customers;

    @Autowired
    OrderManagement orders;

    @Test
    void recordingAPaymentLowersTheReceivable() {
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        long customer = customers.create(admin, new CustomerInput("organization", "回款测试有限公司", null, null, null, null, null,
                null, null, null, null, List.of(), null, "potential", null, null, null, null, Map.of())).id();
        long order = orders.create(admin, new OrderInput(customer, null, null, null, "CNY",
                List.of(new OrderLineInput(null, "Tea set", new BigDecimal("4"), new BigDecimal("250"), null, null)), null, null,
                null, null, null)).id();
        orders.confirm(admin, order, null);

        logIn("admin@test.local", "admin-password-1");
        open("/orders/" + order + "?lang=en");
        assertThat(waitFor(By.id("order-receivable")).getText()).isEqualTo("1000.00");
        type(By.id("payment-amount"), "400");
        driver.findElement(By.id("record-payment")).click();
        waitForText(By.id("order-receivable"), "600.00");
        assertThat(driver.findElement(By.id("order-paid")).getText()).isEqualTo("400.00");
        assertThat(driver.findElement(By.id("payment-list")).getText()).contains("400.00");
    }

    @Test
    void thePlanIsSplitInTheEditorAndAPaymentGoesToTheChosenInstalment() {
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        long customer = customers.create(admin, new CustomerInput("organization", "分期回款有限公司", null, null, null, null, null,
                null, null, null, null, List.of(), null, "potential", null, null, null, null, Map.of())).id();
        long order = orders.create(admin, new OrderInput(customer, null, null, null, "CNY", List.of(), new BigDecimal("1000"), null,
                null, null, null)).id();
        orders.confirm(admin, order, null);

        logIn("admin@test.local", "admin-password-1");
        open("/orders/" + order + "?lang=en");
        type(By.id("payment-amount"), "300");
        driver.findElement(By.id("record-payment")).click();
        waitForText(By.id("order-receivable"), "700.00");

        waitFor(By.id("edit-plan")).click();
        WebElement firstAmount = waitFor(By.cssSelector("#plan-rows input[name=amount]"));
        firstAmount.clear();
        firstAmount.sendKeys("600");
        driver.findElement(By.id("add-instalment")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#plan-rows tr")).size() == 2);
        List<WebElement> dates = driver.findElements(By.cssSelector("#plan-rows input[name=dueOn]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2099-06-30'", dates.get(1));
        driver.findElements(By.cssSelector("#plan-rows input[name=amount]")).get(1).sendKeys("400");
        waitForText(By.cssSelector("[data-plan-sum]"), "1000.00");
        shoot("order-plan-editor");
        driver.findElement(By.id("save-plan")).click();

        WebElement second = waitFor(By.id("instalment-2"));
        assertThat(second.getText()).contains("2099-06-30").contains("400.00");
        assertThat(driver.findElement(By.id("instalment-1")).getText()).contains("600.00").contains("300.00");
        new Select(driver.findElement(By.id("payment-instalment"))).selectByIndex(2);
        type(By.id("payment-amount"), "100");
        driver.findElement(By.id("record-payment")).click();
        waitForText(By.id("order-receivable"), "600.00");
        assertThat(driver.findElement(By.id("instalment-2")).getText()).contains("100.00").contains("Partly paid");
        assertThat(driver.findElement(By.id("instalment-1")).getText()).contains("300.00");
        shoot("order-plan-paid");
    }

    /** Keeps a picture of the page under target/screenshots for people to look at. */
    private void shoot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target/screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

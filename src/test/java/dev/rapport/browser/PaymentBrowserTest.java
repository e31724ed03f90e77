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
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Open a confirmed order, record a payment on its page, and see the receivable drop. */
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
}

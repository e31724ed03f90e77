package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A rep takes a lead from first contact to customer, and its history comes along. */
class LeadConversionBrowserTest extends BrowserTestSupport {

    @Test
    void createsALeadConvertsItAndLandsOnTheCustomerWithTheLeadsNote() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String company = "Lead Journey " + suffix;
        logIn("admin@test.local", "admin-password-1");

        open("/leads/new?lang=en");
        type(By.id("name"), "Zhou Jie");
        type(By.id("company"), company);
        type(By.id("email"), "zhou" + suffix + "@journey.cn");
        driver.findElement(By.id("save-lead")).click();
        waitForText(By.id("lead-name"), "Zhou Jie");

        type(By.id("activity-subject"), "Met at the expo " + suffix);
        driver.findElement(By.id("add-activity")).click();
        waitForText(By.id("timeline-list"), "Met at the expo " + suffix);

        driver.findElement(By.id("convert-lead")).click();
        waitFor(By.id("convert-form"));
        driver.findElement(By.id("customer-new")).click();
        driver.findElement(By.id("convert-submit")).click();

        waitForText(By.id("customer-name"), company);
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-list"), "Met at the expo " + suffix));
        assertThat(driver.getCurrentUrl()).contains("/customers/");
    }
}

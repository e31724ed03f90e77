package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The main journeys of a sales rep, clicked through in a real browser. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerJourneyBrowserTest extends BrowserTestSupport {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 4);

    @Test
    @Order(1)
    void logsInAndSeesTheCustomerList() {
        logIn("admin@test.local", "admin-password-1");
        assertThat(driver.getTitle()).contains("Customers");
        assertThat(driver.findElement(By.id("count")).getText()).isNotBlank();
    }

    @Test
    @Order(2)
    void createsACustomerAndFindsItByPinyinInitials() {
        open("/customers/new?type=individual&lang=en");
        type(By.id("name"), "欧阳娜娜" + SUFFIX);
        type(By.id("phone"), "139 1234 5678");
        type(By.id("email"), "nana" + SUFFIX + "@example.com");
        saveCustomer();
        waitForText(By.id("customer-name"), "欧阳娜娜" + SUFFIX);

        open("/customers?lang=en");
        type(By.id("customer-search"), "oynn");
        driver.findElement(By.id("customer-search")).submit();
        waitFor(By.id("customer-table"));
        List<String> names = driver.findElements(By.cssSelector("#customer-rows td:nth-child(2) a")).stream().map(WebElement::getText).toList();
        assertThat(names).contains("欧阳娜娜" + SUFFIX);
    }

    @Test
    @Order(3)
    void addsANoteAndATaskFromTheCustomerPage() {
        open("/customers?lang=en&q=" + "oynn");
        driver.findElement(By.linkText("欧阳娜娜" + SUFFIX)).click();
        waitFor(By.id("activity-subject"));
        type(By.id("activity-subject"), "Met at the trade fair");
        type(By.id("activity-body"), "Interested in the premium plan");
        driver.findElement(By.id("add-activity")).click();
        waitForText(By.id("timeline-list"), "Met at the trade fair");

        new Select(waitFor(By.id("activity-type"))).selectByValue("task");
        type(By.id("activity-subject"), "Send the quote");
        WebElement due = driver.findElement(By.id("activity-due"));
        // datetime-local takes the digits in the locale's field order
        due.sendKeys("12312030");
        due.sendKeys(org.openqa.selenium.Keys.TAB);
        due.sendKeys("0900AM");
        driver.findElement(By.id("add-activity")).click();
        waitForText(By.id("timeline-list"), "Send the quote");

        open("/tasks?lang=en");
        waitForText(By.id("task-table"), "Send the quote");
    }

    /** Saves the customer form; a possible-duplicate warning is answered with "save anyway". */
    private void saveCustomer() {
        driver.findElement(By.id("save-customer")).click();
        // the answer is either the saved customer's page or the form again with the warning: wait for one
        new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("customer-name")).isEmpty()
                || !d.findElements(By.id("duplicate-warning")).isEmpty());
        if (!driver.findElements(By.id("duplicate-warning")).isEmpty()) {
            driver.findElement(By.id("save-customer")).click();
        }
    }

    @Test
    @Order(4)
    void mergesTwoDuplicates() {
        String phone = "1361234" + String.valueOf(Math.abs(SUFFIX.hashCode()) % 9000 + 1000);
        for (String name : List.of("Duplicate Co " + SUFFIX, "Duplicate Company " + SUFFIX)) {
            open("/customers/new?lang=en");
            type(By.id("name"), name);
            type(By.id("phone"), phone);
            saveCustomer();
            waitFor(By.id("customer-name"));
        }
        open("/duplicates?kind=phone&lang=en");
        WebElement group = driver.findElements(By.cssSelector("form.duplicate-group")).stream()
                .filter(g -> g.getText().contains("Duplicate Co " + SUFFIX)).findFirst().orElseThrow();
        group.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("merge-submit")).click();
        Alert alert = new WebDriverWait(driver, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        alert.accept();
        waitFor(By.id("customer-name"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("merged");
        open("/customers?lang=en&q=" + phone);
        assertThat(driver.findElements(By.cssSelector("#customer-rows td:nth-child(2) a"))).hasSize(1);
    }
}

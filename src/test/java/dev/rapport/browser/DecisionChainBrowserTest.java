package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.StakeholderInput;
import dev.rapport.customers.Stakeholders;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The decision chain on the customer page: the map loads, and a contact is placed with the edit form. */
class DecisionChainBrowserTest extends BrowserTestSupport {

    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;
    @Autowired
    ContactManagement contacts;
    @Autowired
    Stakeholders stakeholders;

    private long contact(CurrentUser admin, long org, String name, String title) {
        return contacts.create(admin, new ContactInput(org, name, title, null, null, null, null, null, null, Map.of())).id();
    }

    @Test
    void placesAContactInTheMapFromTheCustomerPage() throws Exception {
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String name = "华东电力" + UUID.randomUUID().toString().substring(0, 4);
        long org = customers.create(admin, new CustomerInput("organization", name, null, null, null, null, null, null, null, null,
                null, List.of(), null, null, null, null, null, null, Map.of())).id();
        long boss = contact(admin, org, "王总", "总经理");
        long cio = contact(admin, org, "李主任", "信息部主任");
        long buyer = contact(admin, org, "周经理", "采购经理");
        long engineer = contact(admin, org, "赵工", "工程师");
        stakeholders.set(admin, boss, 0, new StakeholderInput("decision-maker", "supporter", 5, 4, null, null));
        stakeholders.set(admin, cio, 0, new StakeholderInput("influencer", "neutral", 4, 3, boss, null));
        stakeholders.set(admin, buyer, 0, new StakeholderInput("gatekeeper", "opponent", 3, 2, boss, null));

        logIn("admin@test.local", "admin-password-1");
        open("/customers/" + org + "?lang=zh-CN");
        waitFor(By.id("chain-map"));
        assertThat(driver.findElement(By.id("chain-node-" + cio)).getText()).contains("影响者").contains("中立");
        assertThat(driver.findElement(By.id("chain-unassigned")).getText()).contains("赵工");

        driver.findElement(By.cssSelector("#chain-node-" + engineer + " button")).click();
        waitFor(By.id("stakeholder-form"));
        new Select(driver.findElement(By.id("stakeholder-role"))).selectByValue("champion");
        new Select(driver.findElement(By.id("stakeholder-attitude"))).selectByValue("supporter");
        new Select(driver.findElement(By.id("stakeholder-reports-to"))).selectByValue(String.valueOf(cio));
        driver.findElement(By.id("stakeholder-save")).click();
        waitForText(By.id("chain-map"), "赵工");
        assertThat(driver.findElements(By.id("chain-unassigned"))).isEmpty();
        assertThat(driver.findElement(By.id("chain-node-" + engineer)).getAttribute("class")).contains("attitude-supporter");

        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("document.getElementById('decision-chain').scrollIntoView()");
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("decision-chain-desktop.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(390, 900));
        try {
            open("/customers/" + org + "?lang=en");
            waitFor(By.id("chain-map"));
            js.executeScript("document.getElementById('decision-chain').scrollIntoView()");
            Files.write(dir.resolve("decision-chain-phone.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Object overflow = js.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).as("the page does not scroll sideways on a phone").isEqualTo(false);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}

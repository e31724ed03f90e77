package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Imports a lead CSV (Salesforce headers) from the leads page through the same import pages as customers. */
class LeadImportBrowserTest extends BrowserTestSupport {

    @Test
    void importsLeadsFromTheLeadsPageAndReportsTheBadRow() throws Exception {
        String suffix = String.valueOf(System.nanoTime());
        suffix = suffix.substring(suffix.length() - 8);
        Path csv = Files.createTempFile("leads", ".csv");
        Files.writeString(csv, "Lead ID,First Name,Last Name,Company,Email,Lead Source\n"
                + "B" + suffix + "1,Wei,Zhang,Browser Lead " + suffix + ",wei" + suffix + "@example.cn,Web\n"
                + "B" + suffix + "2,Li,Na,Browser Lead " + suffix + ",not-an-email,Web\n"
                + "B" + suffix + "3,Ming,Wang,Browser Lead " + suffix + ",ming" + suffix + "@example.cn,Expo\n", StandardCharsets.UTF_8);

        logIn("admin@test.local", "admin-password-1");
        open("/leads?lang=en");
        waitFor(By.id("import-leads")).click();
        waitFor(By.id("file"));
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("leads");
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitFor(By.id("preview-table"));
        assertThat(driver.findElement(By.id("preview-table")).getText()).contains("Browser Lead " + suffix);
        driver.findElement(By.cssSelector("#mapping-form button[type=submit]")).click();

        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("import-progress")).getText().contains("3 / 3"));
        assertThat(driver.findElement(By.id("import-progress")).getText()).contains("Created: 2").contains("Rejected: 1");
        open("/leads?lang=en&q=" + suffix);
        assertThat(driver.getPageSource()).contains("Wei Zhang").contains("Ming Wang").doesNotContain("Li Na");
    }
}

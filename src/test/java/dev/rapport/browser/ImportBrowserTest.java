package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Imports a CSV with bad rows through the pages and opens the report of rejected rows. */
class ImportBrowserTest extends BrowserTestSupport {

    @Test
    void importsTheGoodRowsAndReportsTheBadOnes() throws Exception {
        Path csv = Files.createTempFile("customers", ".csv");
        String suffix = String.valueOf(System.nanoTime());
        suffix = suffix.substring(suffix.length() - 8);
        Files.writeString(csv, "\uFEFF名称,电话,邮箱,状态\n"
                + "浏览器导入一号" + suffix + "有限公司,021 " + suffix + ",one" + suffix + "@example.cn,潜在客户\n"
                + "坏电话" + suffix + ",12,bad" + suffix + "@example.cn,潜在客户\n"
                + ",13800001111,noname" + suffix + "@example.cn,\n"
                + "浏览器导入二号" + suffix + ",1391" + suffix.substring(suffix.length() - 7) + ",two" + suffix + "@example.cn,目标客户\n", StandardCharsets.UTF_8);

        logIn("admin@test.local", "admin-password-1");
        open("/imports?lang=en");
        waitFor(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitFor(By.id("preview-table"));
        assertThat(driver.findElement(By.id("preview-table")).getText()).contains("浏览器导入一号" + suffix);
        driver.findElement(By.cssSelector("#mapping-form button[type=submit]")).click();

        // the progress block is swapped every second while the job runs, so a found element may be gone when read
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("import-progress")).getText().contains("4 / 4"));
        waitFor(By.id("error-table"));
        String errors = driver.findElement(By.id("error-table")).getText();
        assertThat(errors).contains("3").contains("4");
        assertThat(driver.findElement(By.id("import-progress")).getText()).contains("Created: 2").contains("Rejected: 2");

        String reportUrl = driver.findElement(By.cssSelector("a[href*='errors.csv']")).getAttribute("href");
        // the link downloads a file; read it the way the browser would, with the session cookie
        Object report = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", reportUrl);
        assertThat((String) report).contains("坏电话" + suffix).contains("noname" + suffix);
        open("/customers?lang=en&q=" + suffix);
        assertThat(driver.findElements(By.cssSelector("#customer-rows td:nth-child(2) a"))).hasSize(2);
    }

    @Test
    void theMatchOnListOffersACreditCodeOnlyForCustomers() {
        logIn("admin@test.local", "admin-password-1");
        open("/imports?lang=en&type=customers");
        org.openqa.selenium.support.ui.Select type = new org.openqa.selenium.support.ui.Select(waitFor(By.id("type")));
        org.openqa.selenium.support.ui.Select matchOn = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("matchOn")));
        org.openqa.selenium.WebElement creditCode = driver.findElement(By.cssSelector("#matchOn option[value=creditCode]"));
        assertThat(creditCode.isEnabled()).isTrue();
        matchOn.selectByValue("creditCode");
        type.selectByValue("leads");
        assertThat(creditCode.isEnabled()).isFalse();
        assertThat(creditCode.getDomProperty("hidden")).isEqualTo("true");
        assertThat(matchOn.getFirstSelectedOption().getAttribute("value")).as("a key the type lacks is unselected").isEmpty();
        matchOn.selectByValue("phone");
        type.selectByValue("customers");
        assertThat(creditCode.isEnabled()).isTrue();
        assertThat(matchOn.getFirstSelectedOption().getAttribute("value")).isEqualTo("phone");
    }
}

package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** Visits every main page in both languages; a page that fails to render fails the test. Screenshots land in target/screenshots. */
class ScreenshotsBrowserTest extends BrowserTestSupport {

    @Test
    void everyMainPageRendersInEnglishAndChinese() throws Exception {
        logIn("admin@test.local", "admin-password-1");
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        for (String lang : List.of("en", "zh-CN")) {
            for (String page : List.of("/customers", "/customers/new", "/contacts", "/tasks", "/duplicates", "/search?q=a",
                    "/admin/users", "/admin/roles", "/admin/departments", "/admin/fields", "/account", "/notifications",
                    "/leads", "/leads/new", "/opportunities", "/opportunities/board", "/quotes", "/products", "/approvals",
                    "/orders", "/contracts", "/receivables", "/order-imports", "/pools", "/admin/pipelines", "/admin/pools",
                    "/admin/assignment-rules", "/admin/web-forms")) {
                open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(driver.findElements(By.cssSelector("header.top"))).as(page).isNotEmpty();
                assertThat(driver.getPageSource()).as(page).doesNotContain("??").doesNotContain("Whitelabel");
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(dir.resolve(lang + page.replaceAll("[/?=]", "_") + ".png"), png);
            }
        }
    }
}

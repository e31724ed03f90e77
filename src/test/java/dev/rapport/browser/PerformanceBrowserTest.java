package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Opens the performance review in a real browser: Chart.js draws its three charts and the ranking is there, in both languages. */
class PerformanceBrowserTest extends BrowserTestSupport {

    @Test
    void drawsTheChartsAndTheRanking() {
        logIn("admin@test.local", "admin-password-1");
        for (String lang : new String[] {"en", "zh-CN"}) {
            open("/performance?period=year&lang=" + lang);
            waitFor(By.id("performance-table"));
            // the charts exist once Chart.js loaded (CSP allowing) and read the data attribute
            Object charts = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d).executeScript(
                    "return window.Chart && window.performanceCharts && window.performanceCharts.length === 3"
                            + " && Chart.getChart(document.getElementById('chart-won')) ? window.performanceCharts.length : null"));
            assertThat(charts).isEqualTo(3L);
            Object labels = ((JavascriptExecutor) driver).executeScript(
                    "return Chart.getChart(document.getElementById('chart-funnel')).data.labels.length");
            assertThat(labels).isEqualTo(4L);
            assertThat(driver.findElements(By.cssSelector("#performance-table tbody tr[data-kind='user']"))).isNotEmpty();
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo(lang.equals("en") ? "Performance review" : "业绩考核");
        }
    }
}

package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drags an opportunity card to the Won column of the real board and checks it is won after a reload. */
class OpportunityBoardBrowserTest extends BrowserTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dragsAnOpportunityToWonAndItStaysWonAfterReload() throws Exception {
        String name = "Board drag " + UUID.randomUUID().toString().substring(0, 6);
        String token = field(call("/api/v1/auth/tokens", null, "{\"email\":\"admin@test.local\",\"password\":\"admin-password-1\"}"), "token");
        String customer = number(call("/api/v1/customers", token, "{\"name\":\"" + name + " Co\"}"), "id");
        String opportunity = number(call("/api/v1/opportunities", token,
                "{\"name\":\"" + name + "\",\"customerId\":" + customer + ",\"amount\":8800}"), "id");

        logIn("admin@test.local", "admin-password-1");
        open("/opportunities/board?lang=en&q=" + name.replace(' ', '+'));
        WebElement card = waitFor(By.id("opp-" + opportunity));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("board")).getDomAttribute("data-ready")));
        WebElement won = driver.findElement(By.cssSelector(".board-cards[data-kind='won']"));

        new Actions(driver).clickAndHold(card).pause(Duration.ofMillis(150)).moveByOffset(10, 10).pause(Duration.ofMillis(150))
                .moveToElement(won).pause(Duration.ofMillis(150)).moveToElement(won, 5, 5).pause(Duration.ofMillis(150))
                .release().perform();

        // the move is posted with the card's version; the card comes back with the new version
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d ->
                "1".equals(d.findElement(By.id("opp-" + opportunity)).getDomAttribute("data-version")));
        open("/opportunities/board?lang=en&q=" + name.replace(' ', '+'));
        WebElement column = waitFor(By.cssSelector(".board-cards[data-kind='won']"));
        assertThat(column.findElements(By.id("opp-" + opportunity))).hasSize(1);
        open("/opportunities/" + opportunity + "?lang=en");
        waitForText(By.id("opportunity-status"), "Won");
    }

    private String call(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}

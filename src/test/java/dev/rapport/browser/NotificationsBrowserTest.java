package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.Notifications;
import dev.rapport.identity.UserManagement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;

/** A reminder arrives: the bell counts it, the inbox shows it, opening it leads to its page and clears the bell. */
class NotificationsBrowserTest extends BrowserTestSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    UserManagement users;

    @Test
    void theBellLeadsToTheInboxAndOpeningANotificationClearsIt() throws Exception {
        long admin = users.findByEmail("admin@test.local").orElseThrow().id();
        notifications.markAllRead(admin);
        notifications.notify(admin, "task.reminder", "notification.taskReminder", List.of("Send the quote", "Acme Ltd"), "/tasks");

        logIn("admin@test.local", "admin-password-1");
        assertThat(waitFor(By.id("notification-count")).getText()).isEqualTo("1");
        driver.findElement(By.id("bell")).click();
        waitForText(By.id("notification-list"), "Reminder: Send the quote (Acme Ltd)");
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("en_notifications_one.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        driver.findElement(By.linkText("Reminder: Send the quote (Acme Ltd)")).click();
        waitFor(By.id("task-table"));
        assertThat(driver.getCurrentUrl()).endsWith("/tasks");
        assertThat(driver.findElements(By.id("notification-count"))).isEmpty();
    }
}

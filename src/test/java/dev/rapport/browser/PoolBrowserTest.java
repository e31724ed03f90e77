package dev.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.Pool;
import dev.rapport.customers.PoolInput;
import dev.rapport.customers.PoolMoves;
import dev.rapport.customers.Pools;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep claims a customer from the public pool on the pool page and releases it back from the
 * customer page; a rep releases selected customers and leads from their lists and sees each result.
 */
class PoolBrowserTest extends BrowserTestSupport {

    @Autowired
    UserManagement users;

    @Autowired
    Pools pools;

    @Autowired
    PoolMoves moves;

    @Autowired
    CustomerManagement customers;

    @Test
    void aRepClaimsACustomerFromThePoolAndReleasesItBack() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String email = "pool-rep-" + suffix + "@test.local";
        users.create(email, "Pool Rep " + suffix, "password-123", "sales-rep", 1L, null, null);
        Pool pool = pools.create(admin, new PoolInput("公海 " + suffix, null, 3, 30, null, 3, false, true, List.of()));
        String name = "公海客户 " + suffix;
        long id = customers.create(admin, new CustomerInput("organization", name, null, null, null, null, null, null, null, null,
                null, List.of(), null, null, null, null, null, null, Map.of())).id();
        moves.release(admin, id, pool.id(), "no contact", 0);

        logIn(email, "password-123");
        open("/pools?lang=en&pool=" + pool.id());
        waitForText(By.id("pool-table"), name);
        driver.findElement(By.cssSelector("#pool-table input[name=ids][value='" + id + "']")).click();
        driver.findElement(By.id("claim-selected")).click();
        waitForText(By.id("claim-results"), "Claimed");
        assertThat(driver.findElement(By.id("pool-table")).getText()).doesNotContain(name);

        open("/customers/" + id + "?lang=en");
        waitForText(By.id("customer-owner"), "Pool Rep " + suffix);
        type(By.id("release-reason"), "wrong region");
        driver.findElement(By.id("release-customer")).click();
        waitForText(By.id("customer-owner"), "Public pool");
        waitFor(By.id("claim-customer"));

        open("/pools?lang=en&pool=" + pool.id());
        waitForText(By.id("pool-table"), name);
    }

    @Autowired
    dev.rapport.sales.LeadManagement leads;

    @Test
    void aRepReleasesTheSelectedLeadsFromTheLeadListAndSeesEachResult() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String email = "lead-rep-" + suffix + "@test.local";
        users.create(email, "Lead Rep " + suffix, "password-123", "sales-rep", 1L, null, null);
        CurrentUser rep = users.load(email).orElseThrow();
        Pool pool = pools.create(admin, new PoolInput("线索公海 " + suffix, null, null, null, null, 3, false, true, List.of()));
        long a = leads.create(rep, new dev.rapport.sales.LeadInput("Bulk Co " + suffix, "甲 " + suffix, null, null,
                "a" + suffix + "@bulk.cn", "bulk-" + suffix, null, null, null, null, null, null, rep.id())).id();
        long b = leads.create(rep, new dev.rapport.sales.LeadInput("Bulk Co " + suffix, "乙 " + suffix, null, null,
                "b" + suffix + "@bulk.cn", "bulk-" + suffix, null, null, null, null, null, null, rep.id())).id();

        logIn(email, "password-123");
        open("/leads?lang=en&source=bulk-" + suffix);
        waitForText(By.id("lead-table"), "甲 " + suffix);
        driver.findElement(By.cssSelector("#lead-table input[name=ids][value='" + a + "']")).click();
        driver.findElement(By.cssSelector("#lead-table input[name=ids][value='" + b + "']")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("lead-bulk-pool"))).selectByVisibleText(pool.name());
        type(By.id("lead-bulk-reason"), "budget frozen");
        driver.findElement(By.id("lead-bulk-release")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waitForText(By.id("lead-bulk-results"), "甲 " + suffix + ": Released");
        assertThat(driver.findElement(By.id("lead-bulk-results")).getText()).contains("乙 " + suffix + ": Released");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Released 2 of 2 leads");
        assertThat(leads.visible(admin, a).inPool()).isTrue();
    }

    @Test
    void aRepReleasesTheSelectedCustomersFromTheCustomerListAndSeesTheRefusedOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CurrentUser admin = users.load("admin@test.local").orElseThrow();
        String email = "cust-rep-" + suffix + "@test.local";
        users.create(email, "Customer Rep " + suffix, "password-123", "sales-rep", 1L, null, null);
        CurrentUser rep = users.load(email).orElseThrow();
        Pool pool = pools.create(admin, new PoolInput("客户公海 " + suffix, null, null, null, null, 3, false, true, List.of()));
        long claimed = customers.create(admin, new CustomerInput("organization", "领取甲 " + suffix, null, null, null, null, null, null,
                null, null, null, List.of(), null, null, null, null, null, null, Map.of())).id();
        moves.release(admin, claimed, pool.id(), "no contact", 0);
        moves.claim(rep, pool.id(), List.of(claimed));
        long own = customers.create(rep, new CustomerInput("organization", "自有乙 " + suffix, null, null, null, null, null, null, null,
                null, null, List.of(), null, null, null, null, null, null, Map.of())).id();

        logIn(email, "password-123");
        open("/customers?lang=en");
        waitForText(By.id("customer-table"), "自有乙 " + suffix);
        driver.findElement(By.cssSelector("#customer-table input[name=ids][value='" + claimed + "']")).click();
        driver.findElement(By.cssSelector("#customer-table input[name=ids][value='" + own + "']")).click();
        // each to the pool it came from: the rep's own customer came from none and there is no default pool
        type(By.id("customer-bulk-reason"), "budget frozen");
        driver.findElement(By.id("customer-bulk-release")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        waitForText(By.id("customer-bulk-results"), "自有乙 " + suffix + ": No pool to release to");
        assertThat(driver.findElement(By.id("customer-bulk-results")).getText()).doesNotContain("领取甲");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Released 1 of 2 customers to the pool");
        assertThat(driver.findElement(By.id("customer-table")).getText()).doesNotContain("领取甲").contains("自有乙 " + suffix);
        assertThat(customers.visible(admin, claimed).ownerId()).isNull();
        assertThat(customers.visible(admin, claimed).poolId()).isEqualTo(pool.id());
    }
}

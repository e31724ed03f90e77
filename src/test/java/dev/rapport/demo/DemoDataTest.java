package dev.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.customers.CreditCodes;
import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerMerging;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ChineseNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    private static final int CUSTOMERS = 200;

    @Autowired
    DemoDataLoader loader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerQuery query;
    @Autowired
    CustomerMerging merging;
    @Autowired
    OrderFactory orders;

    private CurrentUser admin;
    // other test classes share the database: look only at what this load wrote
    private long firstCustomer;
    private long firstContact;

    @BeforeAll
    void load() {
        admin = users.load("admin@test.local").orElseThrow();
        firstCustomer = count("select coalesce(max(id), 0) from customers");
        firstContact = count("select coalesce(max(id), 0) from contacts");
        loader.load(CUSTOMERS, System.nanoTime(), done -> { });
        firstOrder = count("select coalesce(max(id), 0) from sales_orders");
        orders.load(ORDERS, 7, firstCustomer, done -> { });
    }

    private static final int ORDERS = 300;
    private long firstOrder;

    @Test
    void ownersHaveTheirCustomersSinceTheCustomerWasCreated() {
        // the public pool's follow-up rule counts from owned_since: the load time would make nothing ever due
        assertThat(count("select count(*) from customers where id > " + firstCustomer + " and owner_id is not null")).isPositive();
        assertThat(count("select count(*) from customers where id > " + firstCustomer
                + " and owner_id is not null and (owned_since is null or owned_since <> created_at)")).isZero();
    }

    @Test
    void aFewCustomersWaitUnownedInTheDemoPoolOfTheSalesRegions() {
        long pool = count("select id from pools where name = '" + DemoDataLoader.POOL_NAME + "'");
        assertThat(jdbc.sql("select default_pool and enabled and followup_days = 90 and warning_days = 7 from pools where id = " + pool)
                .query(Boolean.class).single()).isTrue();
        assertThat(count("select count(*) from pool_departments where pool_id = " + pool)).isEqualTo(4);
        long pooled = count("select count(*) from customers where id > " + firstCustomer + " and pool_id = " + pool
                + " and owner_id is null and owned_since is null");
        assertThat(pooled).isBetween(3L, (long) CUSTOMERS / 5);
        assertThat(count("select count(*) from customers where id > " + firstCustomer + " and owner_id is null and "
                + "(pool_id is null or status in ('current', 'non-customer'))")).isZero();
        // loading again finds the pool instead of making a second one
        assertThat(count("select count(*) from pools where name = '" + DemoDataLoader.POOL_NAME + "'")).isEqualTo(1);
    }

    @Test
    void ordersGoToCustomersThatBoughtAndSetTheirLatestPurchase() {
        assertThat(count("select count(*) from sales_orders where id > " + firstOrder)).isEqualTo(ORDERS);
        assertThat(count("select count(*) from sales_orders o join customers c on c.id = o.customer_id where o.id > " + firstOrder
                + " and (c.id <= " + firstCustomer + " or c.status not in ('current', 'lost') or o.owner_id <> c.owner_id)")).isZero();
        // every buyer's latest purchase is its newest order's day
        assertThat(count("select count(*) from customers c where c.id > " + firstCustomer + " and c.status in ('current', 'lost') "
                + "and c.owner_id is not null and c.last_purchase_on is distinct from "
                + "(select max(o.order_date) from sales_orders o where o.customer_id = c.id)")).isZero();
        assertThat(count("select count(*) from customers c where c.id > " + firstCustomer + " and c.last_purchase_on is not null"))
                .isPositive();
        // a lost customer bought before it was lost, a current one after it became current
        assertThat(count("select count(*) from sales_orders o join customers c on c.id = o.customer_id where o.id > " + firstOrder
                + " and ((c.status = 'lost' and o.order_date > cast(c.updated_at as date)) "
                + "or (c.status = 'current' and o.order_date < cast(c.updated_at as date)))")).isZero();
    }

    @Test
    void loadsCustomersWithContactsAndActivities() {
        assertThat(count("select count(*) from customers where id > " + firstCustomer)).isEqualTo(CUSTOMERS);
        assertThat(count("select count(*) from contacts where id > " + firstContact)).isGreaterThan(CUSTOMERS);
        assertThat(count("select count(*) from activities where customer_id > " + firstCustomer)).isGreaterThan(CUSTOMERS * 5L);
        assertThat(jdbc.sql("select distinct type from activities where customer_id > " + firstCustomer).query(String.class).list())
                .containsExactlyInAnyOrder("note", "call", "visit", "meeting", "task");
        assertThat(count("select count(*) from activities where customer_id > " + firstCustomer + " and type = 'task' and done_at is null and due_at < current_timestamp"))
                .as("overdue tasks").isPositive();
    }

    @Test
    void loadsOpportunitiesOpenAndClosedOnTheLoadedCustomers() {
        String mine = "select count(*) from opportunities where customer_id > " + firstCustomer;
        assertThat(count(mine)).isEqualTo(CUSTOMERS / 10);
        assertThat(count(mine + " and status = 'open'")).isPositive();
        assertThat(count(mine + " and status <> 'open' and closed_at is not null")).isPositive();
        assertThat(count(mine + " and status = 'lost' and loss_reason is null")).isZero();
        assertThat(count("select count(*) from opportunity_stage_history h join opportunities o on o.id = h.opportunity_id where o.customer_id > "
                + firstCustomer)).isEqualTo(CUSTOMERS / 10);
        // the board's rollup of closed deals was filled by the bulk load as well
        assertThat(count("select coalesce(sum(n), 0) from opportunity_closed_totals"))
                .isEqualTo(count("select count(*) from opportunities where closed_at is not null"));
    }

    @Test
    void contactsBelongToOrganizations() {
        assertThat(count("select count(*) from contacts where customer_id is null and id > " + firstContact)).isZero();
        assertThat(count("select count(*) from contacts k join customers c on c.id = k.customer_id where c.type <> 'organization' and k.id > " + firstContact))
                .isZero();
    }

    @Test
    void everyCustomerIsFoundByThePinyinInitialsOfItsName() {
        List<Object[]> customers = jdbc.sql("select id, name, type from customers where id > " + firstCustomer + " order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        int chinese = 0;
        for (Object[] c : customers) {
            String name = (String) c[1];
            if (!ChineseNames.containsHan(name)) {
                continue;
            }
            chinese++;
            String initials = ChineseNames.initials(name, "individual".equals(c[2]));
            List<CustomerRow> found = query.list(CustomerFilter.from(Map.of("q", initials)), users.scopeOf(admin), null, 1000).items();
            assertThat(found).as("search %s for %s", initials, name).extracting(CustomerRow::id).contains((Long) c[0]);
        }
        assertThat(chinese).isGreaterThan(CUSTOMERS / 2);
    }

    @Test
    void polyphonicSurnamesAreSearchableByTheirSurnameReading() {
        List<String> names = jdbc.sql("select name from customers where type = 'individual' and name like '曾%'")
                .query(String.class).list();
        names.forEach(n -> assertThat(ChineseNames.pinyin(n, true)).startsWith("zeng"));
    }

    @Test
    void creditCodesAreValid() {
        List<String> codes = jdbc.sql("select credit_code from customers where credit_code is not null and id > " + firstCustomer).query(String.class).list();
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(CreditCodes.isValid(code)).as(code).isTrue());
        assertThat(codes).doesNotHaveDuplicates();
    }

    @Test
    void nearDuplicatesShowUpOnTheDuplicatesPage() {
        long groups = List.of("phone", "email", "name").stream()
                .mapToLong(kind -> merging.groups(admin, kind, null, 100).items().size()).sum();
        assertThat(groups).isPositive();
    }

    @Test
    void everyCustomerHasStatusHistoryEndingInItsStatus() {
        assertThat(count("select count(*) from customers c where c.id > " + firstCustomer + " and not exists "
                + "(select 1 from customer_status_history h where h.customer_id = c.id)")).isZero();
        assertThat(count("select count(*) from customers c where c.id > " + firstCustomer + " and c.status <> (select h.to_status from customer_status_history h "
                + "where h.customer_id = c.id order by h.changed_at desc, h.id desc limit 1)")).isZero();
        assertThat(jdbc.sql("select distinct status from customers where id > " + firstCustomer).query(String.class).list())
                .containsExactlyInAnyOrder("potential", "target", "current", "lost", "non-customer");
    }

    @Test
    void demoUsersHaveManagersAndTheBuiltInRoles() {
        assertThat(count("select count(*) from users u join roles r on r.id = u.role_id where r.role_key = 'sales-rep' "
                + "and u.manager_id is null and u.email like '%@demo.rapport.local'")).isZero();
        assertThat(jdbc.sql("select distinct r.role_key from users u join roles r on r.id = u.role_id").query(String.class).list())
                .contains("sales-manager", "sales-rep", "service-agent", "marketer");
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        StaffPlan staff = new StaffPlan(Map.of(Places.NORTH, List.of(1L), Places.EAST, List.of(1L), Places.SOUTH, List.of(1L),
                Places.EXPORT, List.of(1L)), Map.of(Places.NORTH, 1L, Places.EAST, 1L, Places.SOUTH, 1L, Places.EXPORT, 1L), List.of(), List.of());
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(names(new CustomerFactory(7, staff, now))).isEqualTo(names(new CustomerFactory(7, staff, now)))
                .isNotEqualTo(names(new CustomerFactory(8, staff, now)));
    }

    private static List<String> names(CustomerFactory factory) {
        return IntStream.range(0, 100).mapToObj(i -> factory.next().customer().input().name()).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

package dev.rapport.demo;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.CustomerBulkLoad.NewCustomer;
import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerStatus;
import dev.rapport.customers.CustomerType;
import dev.rapport.customers.CreditCodes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes customers with their contacts, deterministically from a seed. About 80% are organizations
 * (one in ten with an English name) with 1–3 contacts, 2.5 on average, so a million customers
 * come with two million contacts. About 2% are near-duplicates of the customer made just before:
 * the same phone written differently, the same e-mail in other case, or the same company name
 * with another legal suffix.
 */
final class CustomerFactory {

    /** A customer to load and its contacts (customer id still unknown). */
    record Planned(NewCustomer customer, String region, List<ContactInput> contacts) {
    }

    private static final String[] INDUSTRIES = {"制造业", "信息技术", "批发零售", "金融", "房地产", "教育", "医疗健康", "物流运输",
            "餐饮", "能源化工", "建筑", "文化传媒"};
    private static final String[] SOURCES = {"官网", "展会", "电话营销", "转介绍", "广告", "合作伙伴", "百度推广", "微信", "Website", "Trade show"};
    private static final String[] TAGS = {"VIP", "老客户", "展会", "重点跟进", "电商", "渠道", "海外", "政府项目", "招投标", "newsletter", "价格敏感"};
    private static final String[] TITLES = {"总经理", "采购经理", "财务总监", "技术总监", "销售总监", "行政主管", "IT经理", "董事长助理",
            "Purchasing Manager", "CEO"};
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final long CODE_SPACE = 26_439_622_160_671L; // 31^9
    private static final Duration TWO_YEARS = Duration.ofDays(730);

    private final Names names;
    private final Random r;
    private final StaffPlan staff;
    private final Instant now;
    private long seq;
    private Planned previous;

    CustomerFactory(long seed, StaffPlan staff, Instant now) {
        this(seed, staff, now, 0);
    }

    /**
     * A factory for one slice of the data set: numbering (which keeps credit codes and e-mails
     * unique) continues from {@code firstSeq}, so slices made in parallel never collide.
     */
    CustomerFactory(long seed, StaffPlan staff, Instant now, long firstSeq) {
        this.names = new Names(seed);
        this.r = new Random(seed);
        this.staff = staff;
        this.now = now;
        this.seq = firstSeq;
    }

    Random random() {
        return r;
    }

    Planned next() {
        seq++;
        Planned p = previous != null && r.nextInt(50) == 0 ? nearDuplicate(previous) : fresh();
        previous = p;
        return p;
    }

    private Planned fresh() {
        Places.City city = Places.pick(r);
        int kind = r.nextInt(100);
        boolean organization = kind < 80;
        boolean english = organization && kind < 8;
        String region = english ? Places.EXPORT : city.region();
        long owner = staff.ownerIn(region, r);
        Instant created = now.minus(Duration.ofSeconds((long) (r.nextDouble() * TWO_YEARS.toSeconds())));
        List<String> tags = tags();
        CustomerStatus status = status();
        CustomerStatus initial = status == CustomerStatus.NON_CUSTOMER ? status : CustomerStatus.POTENTIAL;
        Instant changed = created.plus(Duration.ofSeconds((long) (r.nextDouble() * Duration.between(created, now).toSeconds())));
        String tier = tier(status);
        String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
        String source = SOURCES[r.nextInt(SOURCES.length)];
        String street = names.street(r);
        String district = city.districts().get(r.nextInt(city.districts().size()));
        if (organization) {
            Names.Company company = english ? names.englishCompany(r) : names.chineseCompany(r, city.city());
            String phone = r.nextInt(3) == 0 ? ContactPoints.mobile(r) : ContactPoints.landline(city, r);
            String email = ContactPoints.companyEmail(company.brand(), seq, r);
            CustomerInput in = new CustomerInput("organization", company.name(), phone, email, creditCode(city),
                    city.province(), city.city(), district, street, industry, source, tags, null, status.key(), tier, owner,
                    null, null, Map.of());
            return new Planned(new NewCustomer(in, created, initial, changed), region, contacts(company.name(), owner, english));
        }
        String name = names.chinesePerson(r);
        LocalDate birthday = r.nextInt(3) == 0 ? null : LocalDate.of(1955 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28));
        CustomerInput in = new CustomerInput("individual", name, ContactPoints.mobile(r), ContactPoints.personalEmail(name, seq, r),
                null, city.province(), city.city(), district, street, industry, source, tags, birthday, status.key(), tier,
                owner, null, null, Map.of());
        return new Planned(new NewCustomer(in, created, initial, changed), region, List.of());
    }

    /** A second record for the same real customer, as a careless second entry would make it. */
    private Planned nearDuplicate(Planned of) {
        CustomerInput o = of.customer().input();
        CustomerInput copy;
        if (CustomerType.parse(o.type()) == CustomerType.ORGANIZATION && o.name().endsWith("公司")) {
            String bare = o.name().replaceAll("(股份有限公司|有限责任公司|集团有限公司|有限公司)$", "");
            copy = new CustomerInput(o.type(), bare, ContactPoints.landline(Places.pick(r), r), null, null, o.province(), o.city(),
                    o.district(), null, o.industry(), "电话营销", List.of(), null, "potential", "unrated", o.ownerId(), null,
                    "可能与" + o.name() + "重复", Map.of());
        } else if (o.phone() != null && !o.phone().startsWith("0")) {
            String digits = o.phone().replaceAll("\\D", "");
            digits = digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
            copy = new CustomerInput(o.type(), o.name(), ContactPoints.formatMobile(digits, 2), null, null, o.province(), o.city(),
                    null, null, o.industry(), o.source(), List.of(), null, "potential", "unrated", o.ownerId(), null, null, Map.of());
        } else {
            copy = new CustomerInput(o.type(), o.name() + "（新）", null, o.email() == null ? null : o.email().toUpperCase(), null,
                    o.province(), o.city(), null, null, o.industry(), o.source(), List.of(), null, "potential", "unrated",
                    o.ownerId(), null, null, Map.of());
        }
        Instant created = of.customer().createdAt().plus(Duration.ofDays(1 + r.nextInt(30)));
        created = created.isAfter(now) ? now : created;
        return new Planned(new NewCustomer(copy, created, CustomerStatus.POTENTIAL, created), of.region(), List.of());
    }

    private List<ContactInput> contacts(String company, long owner, boolean english) {
        int roll = r.nextInt(10);
        int count = roll == 0 ? 1 : roll < 4 ? 2 : 3; // 10% one, 30% two, 60% three: 2.5 on average
        List<ContactInput> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = english && r.nextBoolean() ? names.englishPerson(r) : names.chinesePerson(r);
            String phone = r.nextInt(10) == 0 ? null : ContactPoints.mobile(r);
            String email = r.nextInt(5) == 0 ? null : ContactPoints.personalEmail(name, seq * 4 + i, r);
            out.add(new ContactInput(null, name, TITLES[r.nextInt(TITLES.length)], phone, email, null, owner, null, null, Map.of()));
        }
        return out;
    }

    private List<String> tags() {
        int n = r.nextInt(4);
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            tags.add(TAGS[r.nextInt(TAGS.length)]);
        }
        return new ArrayList<>(tags);
    }

    private CustomerStatus status() {
        int roll = r.nextInt(100);
        return roll < 35 ? CustomerStatus.POTENTIAL : roll < 55 ? CustomerStatus.TARGET : roll < 85 ? CustomerStatus.CURRENT
                : roll < 95 ? CustomerStatus.LOST : CustomerStatus.NON_CUSTOMER;
    }

    private String tier(CustomerStatus status) {
        int roll = r.nextInt(100);
        if (status == CustomerStatus.CURRENT) {
            return roll < 3 ? "key-major" : roll < 13 ? "key-minor" : roll < 63 ? "ordinary" : "small";
        }
        return roll < 70 ? "unrated" : roll < 85 ? "small" : "ordinary";
    }

    /** A valid 统一社会信用代码: 9 (enterprise) 1 (company), the city's division code, a unique body, the check character. */
    private String creditCode(Places.City city) {
        // multiplying by a number coprime to 31^9 spreads consecutive customers over the space without collisions
        long body = Math.floorMod(seq * 7_919_111L, CODE_SPACE);
        StringBuilder sb = new StringBuilder("91").append(city.divisionCode());
        char[] chars = new char[9];
        for (int i = 8; i >= 0; i--) {
            chars[i] = CODE_ALPHABET.charAt((int) (body % 31));
            body /= 31;
        }
        return CreditCodes.withCheckDigit(sb.append(chars).toString());
    }
}

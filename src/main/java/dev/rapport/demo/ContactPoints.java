package dev.rapport.demo;

import dev.rapport.platform.ChineseNames;
import java.util.random.RandomGenerator;

/**
 * Phone numbers and e-mail addresses. Numbers are written the many ways people type them
 * (13800138000, 138 0013 8000, +86 138-0013-8000) so normalization has work to do. E-mail local
 * parts carry a sequence number: real addresses are unique, and the duplicates page should show
 * the planted near-duplicates, not accidental collisions.
 */
final class ContactPoints {

    private static final int[] MOBILE_PREFIXES = {130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 156,
            157, 158, 159, 166, 176, 177, 180, 181, 182, 185, 186, 187, 188, 189, 198, 199};
    private static final String[] PERSONAL_DOMAINS = {"163.com", "126.com", "qq.com", "sina.com", "139.com", "outlook.com", "gmail.com"};

    private ContactPoints() {
    }

    static String mobileDigits(RandomGenerator r) {
        return MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", r.nextInt(100_000_000));
    }

    /** The same mobile number in one of the formats people use. */
    static String formatMobile(String digits, int style) {
        return switch (style) {
            case 1 -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
            case 2 -> "+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
            case 3 -> "+86" + digits;
            default -> digits;
        };
    }

    static String mobile(RandomGenerator r) {
        int roll = r.nextInt(10);
        return formatMobile(mobileDigits(r), roll < 7 ? 0 : roll - 6);
    }

    /** A fixed line in the city's area code, e.g. 010-65523456 or 0571-88234567. */
    static String landline(Places.City city, RandomGenerator r) {
        return city.areaCode() + "-" + (2 + r.nextInt(7)) + String.format("%07d", r.nextInt(10_000_000));
    }

    /** A personal address such as zhangwei.3f@163.com; pinyin for Chinese names. */
    static String personalEmail(String name, long seq, RandomGenerator r) {
        String local = ChineseNames.containsHan(name) ? ChineseNames.pinyin(name, true)
                : name.toLowerCase().replaceAll("[^a-z]+", ".");
        return local + "." + Long.toString(seq, 36) + "@" + PERSONAL_DOMAINS[r.nextInt(PERSONAL_DOMAINS.length)];
    }

    /** A company address such as sales@huaxinkeji-2bx.com.cn. */
    static String companyEmail(String brand, long seq, RandomGenerator r) {
        String domain = ChineseNames.containsHan(brand) ? ChineseNames.pinyin(brand, false)
                : brand.toLowerCase().replaceAll("[^a-z0-9]+", "");
        String[] boxes = {"info", "sales", "contact", "service", "office"};
        return boxes[r.nextInt(boxes.length)] + "@" + domain + "-" + Long.toString(seq, 36)
                + (ChineseNames.containsHan(brand) ? ".com.cn" : ".com");
    }
}

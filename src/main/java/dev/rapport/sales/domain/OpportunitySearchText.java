package dev.rapport.sales.domain;

import dev.rapport.platform.ChineseNames;
import java.util.Locale;

/**
 * What the opportunity list's {@code q} matches: the name in lower case and, for a Chinese name,
 * its pinyin and initials, between spaces (the shape of the customers' and leads' search texts, so
 * "huawei" and "hw" find 华为数据中心, and a term of one or two letters matches the start of a word).
 */
public final class OpportunitySearchText {

    static final int MAX = 1000;

    private OpportunitySearchText() {
    }

    public static String of(String name) {
        String n = name == null ? "" : name.trim();
        StringBuilder sb = new StringBuilder(" ").append(n.toLowerCase(Locale.ROOT)).append(' ');
        if (ChineseNames.containsHan(n)) {
            sb.append(ChineseNames.pinyin(n, false)).append(' ').append(ChineseNames.initials(n, false)).append(' ');
        }
        String s = sb.toString();
        return s.length() > MAX ? s.substring(0, MAX - 1) + " " : s;
    }
}

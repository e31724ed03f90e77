package dev.rapport.platform;

import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Romanises Chinese names so that 张三 is found by "zhangsan" and "zs". pinyin4j gives every
 * reading of a character in dictionary order, which is wrong for many surnames (单 is read Shan,
 * not Dan; 曾 Zeng, not Ceng), so a person's first character (or two, for compound surnames) is
 * read with the surname reading.
 */
public final class ChineseNames {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Compound surnames, read as a whole. */
    private static final Map<String, String> COMPOUND_SURNAMES = Map.ofEntries(
            Map.entry("欧阳", "ouyang"), Map.entry("司马", "sima"), Map.entry("诸葛", "zhuge"),
            Map.entry("上官", "shangguan"), Map.entry("尉迟", "yuchi"), Map.entry("长孙", "zhangsun"),
            Map.entry("万俟", "moqi"), Map.entry("令狐", "linghu"), Map.entry("皇甫", "huangfu"),
            Map.entry("东方", "dongfang"), Map.entry("慕容", "murong"), Map.entry("单于", "chanyu"),
            Map.entry("夏侯", "xiahou"), Map.entry("公孙", "gongsun"), Map.entry("宇文", "yuwen"),
            Map.entry("澹台", "tantai"), Map.entry("司徒", "situ"), Map.entry("端木", "duanmu"));

    /** Characters whose reading as a surname differs from their most common reading. */
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('单', "shan"), Map.entry('曾', "zeng"), Map.entry('解', "xie"), Map.entry('仇', "qiu"),
            Map.entry('区', "ou"), Map.entry('查', "zha"), Map.entry('朴', "piao"), Map.entry('盖', "ge"),
            Map.entry('翟', "zhai"), Map.entry('乐', "yue"), Map.entry('缪', "miao"), Map.entry('覃', "qin"),
            Map.entry('秘', "bi"), Map.entry('召', "shao"), Map.entry('种', "chong"), Map.entry('黑', "he"),
            Map.entry('繁', "po"), Map.entry('员', "yun"), Map.entry('能', "nai"), Map.entry('殷', "yin"),
            Map.entry('柏', "bai"), Map.entry('车', "che"), Map.entry('任', "ren"), Map.entry('沈', "shen"),
            Map.entry('贾', "jia"), Map.entry('薄', "bo"), Map.entry('石', "shi"), Map.entry('卜', "bu"),
            Map.entry('折', "she"), Map.entry('祭', "zhai"), Map.entry('宿', "su"), Map.entry('那', "na"),
            Map.entry('过', "guo"), Map.entry('重', "chong"), Map.entry('曲', "qu"), Map.entry('尉', "yu"),
            Map.entry('隗', "wei"), Map.entry('长', "chang"), Map.entry('藏', "zang"), Map.entry('都', "du"),
            Map.entry('句', "gou"), Map.entry('冯', "feng"), Map.entry('叶', "ye"), Map.entry('阚', "kan"),
            Map.entry('纪', "ji"), Map.entry('粘', "nian"), Map.entry('眭', "sui"), Map.entry('朝', "chao"),
            Map.entry('传', "chuan"), Map.entry('褚', "chu"), Map.entry('莘', "shen"), Map.entry('谌', "chen"),
            Map.entry('华', "hua"));

    private ChineseNames() {
    }

    /** Full pinyin without tones or spaces, e.g. 单雄信 → shanxiongxin; non-Han text is lower-cased. */
    public static String pinyin(String name, boolean personal) {
        return romanise(name, personal, false);
    }

    /** Initials, e.g. 张三 → zs; for latin words the first letter of each word. */
    public static String initials(String name, boolean personal) {
        return romanise(name, personal, true);
    }

    public static boolean containsHan(String text) {
        return text != null && text.codePoints().anyMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String romanise(String name, boolean personal, boolean initialsOnly) {
        if (name == null) {
            return "";
        }
        String text = name.trim();
        StringBuilder out = new StringBuilder();
        int start = 0;
        if (personal) {
            for (var compound : COMPOUND_SURNAMES.entrySet()) {
                if (text.startsWith(compound.getKey())) {
                    String reading = compound.getValue();
                    out.append(initialsOnly ? initialsOf(compound.getKey(), reading) : reading);
                    start = compound.getKey().length();
                    break;
                }
            }
            if (start == 0 && !text.isEmpty() && SURNAME_READINGS.containsKey(text.charAt(0))) {
                String reading = SURNAME_READINGS.get(text.charAt(0));
                out.append(initialsOnly ? reading.substring(0, 1) : reading);
                start = 1;
            }
        }
        boolean wordStart = true;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            String reading = readingOf(c);
            if (reading != null) {
                out.append(initialsOnly ? reading.charAt(0) : reading);
                wordStart = true;
            } else if (Character.isLetterOrDigit(c)) {
                if (!initialsOnly || wordStart) {
                    out.append(Character.toLowerCase(c));
                }
                wordStart = false;
            } else {
                wordStart = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String initialsOf(String chars, String reading) {
        // a compound surname is two syllables; take the initial of each character's own reading
        StringBuilder sb = new StringBuilder();
        for (char c : chars.toCharArray()) {
            String r = readingOf(c);
            sb.append(r == null ? c : r.charAt(0));
        }
        // the compound's own reading wins for the first letter (e.g. 单于 chanyu, not danyu)
        sb.setCharAt(0, reading.charAt(0));
        return sb.toString();
    }

    /** Readings by character: pinyin4j compiles regular expressions on every lookup, too slow for bulk loads. */
    private static final java.util.concurrent.ConcurrentHashMap<Character, java.util.Optional<String>> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String readingOf(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return null;
        }
        return READINGS.computeIfAbsent(c, ch -> java.util.Optional.ofNullable(lookUp(ch))).orElse(null);
    }

    private static String lookUp(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            return null;
        }
    }
}

package dev.rapport.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/**
 * Personal and company names. Pools are filled once from Datafaker (zh-CN and en) with a fixed
 * seed, then combined with the caller's random generator: per-row Datafaker calls would dominate
 * the time of a million-customer run.
 */
final class Names {

    /** The most common surnames, most frequent first, so a few dominate as they do in China. */
    private static final String[] COMMON_SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 "
            + "韩 冯 邓 曹 彭 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 "
            + "韦 方 白 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 黎 贺 顾 毛 郝 龚 邵 万 钱 武 戴 孔 汤 庞 樊 殷 施 陶 洪 安").split(" ");
    /** Surnames read differently from their everyday reading (单 Shan, 曾 Zeng ...) and compound surnames. */
    private static final String[] SPECIAL_SURNAMES = "单 曾 解 仇 区 查 翟 乐 缪 覃 朴 盖 欧阳 司马 诸葛 上官".split(" ");
    private static final String GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力宇浩然晨欣怡佳琪子涵梓轩雨婷思远志鹏博俊";

    private static final String[] BRAND_CHARS = "华 信 达 恒 瑞 泰 鑫 隆 宏 源 盛 通 科 创 联 海 天 中 新 博 锦 远 嘉 正 永 金 益 德 安 康 辉 明 利 诚 汇 合 兴 昌 富 丰 鼎 智 云 星 宇"
            .split(" ");
    private static final String[] TRADES = ("科技 贸易 电子 机械 食品 建材 物流 医药 软件 网络 服装 化工 环保 能源 文化传媒 餐饮管理 "
            + "教育咨询 汽车配件 家具 印刷 电气 精密仪器 新材料 农业发展 供应链管理").split(" ");
    private static final String[] ZH_SUFFIXES = {"有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司"};
    private static final String[] EN_SUFFIXES = {" Co., Ltd.", " Ltd.", " Inc.", " GmbH", " Trading Co., Ltd.", " LLC"};

    private final List<String> fakerGivenNames = new ArrayList<>();
    private final List<String> englishPeople = new ArrayList<>();
    private final List<String> englishCompanies = new ArrayList<>();
    private final List<String> streets = new ArrayList<>();

    Names(long seed) {
        Faker zh = new Faker(Locale.SIMPLIFIED_CHINESE, new java.util.Random(seed));
        Faker en = new Faker(Locale.ENGLISH, new java.util.Random(seed + 1));
        for (int i = 0; i < 300; i++) {
            fakerGivenNames.add(zh.name().firstName());
            streets.add(zh.address().streetName());
        }
        for (int i = 0; i < 500; i++) {
            englishPeople.add(en.name().firstName() + " " + en.name().lastName());
            englishCompanies.add(en.company().name().replaceAll("[,.]", "").replace(" and ", " & "));
        }
    }

    /** A Chinese personal name: mostly common surnames, sometimes a polyphonic or compound one. */
    String chinesePerson(RandomGenerator r) {
        String surname;
        int roll = r.nextInt(100);
        if (roll < 4) {
            surname = SPECIAL_SURNAMES[r.nextInt(SPECIAL_SURNAMES.length)];
        } else {
            // squaring skews towards the front of the list: 王, 李, 张 are the most frequent
            double x = r.nextDouble();
            surname = COMMON_SURNAMES[(int) (x * x * COMMON_SURNAMES.length)];
        }
        String given;
        if (r.nextBoolean()) {
            given = fakerGivenNames.get(r.nextInt(fakerGivenNames.size()));
        } else {
            given = String.valueOf(GIVEN_CHARS.charAt(r.nextInt(GIVEN_CHARS.length())));
            if (r.nextInt(3) > 0) {
                given += GIVEN_CHARS.charAt(r.nextInt(GIVEN_CHARS.length()));
            }
        }
        return surname + given;
    }

    String englishPerson(RandomGenerator r) {
        return englishPeople.get(r.nextInt(englishPeople.size()));
    }

    /** A Chinese company as the parts its name is made of, so a near-duplicate can drop the suffix. */
    record Company(String prefix, String brand, String trade, String suffix) {
        String name() {
            return prefix + brand + trade + suffix;
        }
    }

    Company chineseCompany(RandomGenerator r, String city) {
        String prefix = r.nextInt(3) == 0 ? city.replace("市", "") : "";
        String brand = BRAND_CHARS[r.nextInt(BRAND_CHARS.length)] + BRAND_CHARS[r.nextInt(BRAND_CHARS.length)];
        if (r.nextInt(4) == 0) {
            brand += BRAND_CHARS[r.nextInt(BRAND_CHARS.length)];
        }
        return new Company(prefix, brand, TRADES[r.nextInt(TRADES.length)], ZH_SUFFIXES[r.nextInt(ZH_SUFFIXES.length)]);
    }

    Company englishCompany(RandomGenerator r) {
        return new Company("", englishCompanies.get(r.nextInt(englishCompanies.size())), "", EN_SUFFIXES[r.nextInt(EN_SUFFIXES.length)]);
    }

    String street(RandomGenerator r) {
        return streets.get(r.nextInt(streets.size())) + (1 + r.nextInt(999)) + "号";
    }
}

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a customer CSV for the import benchmark: {@code java bench/MakeCsv.java OUT ROWS}.
 * Chinese company and personal names, mobile numbers, e-mails, provinces and cities; every row
 * valid and unique, so the import creates one customer per row.
 */
public class MakeCsv {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力宇浩然晨欣怡佳琪子涵梓轩雨婷思远志鹏博俊";
    private static final String BRAND = "华信达恒瑞泰鑫隆宏源盛通科创联海天中新博锦远嘉正永金益德安康辉明利诚汇合兴昌富丰鼎智云星宇";
    private static final String[] TRADES = {"科技", "贸易", "电子", "机械", "食品", "建材", "物流", "医药", "软件", "网络"};
    private static final String[][] PLACES = {{"广东省", "深圳市"}, {"广东省", "广州市"}, {"浙江省", "杭州市"}, {"江苏省", "南京市"},
            {"上海市", "上海市"}, {"北京市", "北京市"}, {"四川省", "成都市"}, {"湖北省", "武汉市"}};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        Random r = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("名称,类型,电话,邮箱,省,市,行业,来源\n");
            for (int i = 0; i < rows; i++) {
                boolean company = r.nextInt(5) > 0;
                String name;
                if (company) {
                    name = "" + BRAND.charAt(r.nextInt(BRAND.length())) + BRAND.charAt(r.nextInt(BRAND.length()))
                            + TRADES[r.nextInt(TRADES.length)] + i + "有限公司";
                } else {
                    name = "" + SURNAMES.charAt(r.nextInt(SURNAMES.length())) + GIVEN.charAt(r.nextInt(GIVEN.length()))
                            + GIVEN.charAt(r.nextInt(GIVEN.length()));
                }
                String phone = "1" + (3 + r.nextInt(6)) + String.format("%09d", i);
                String[] place = PLACES[r.nextInt(PLACES.length)];
                w.write(name + "," + (company ? "企业客户" : "个人客户") + "," + phone + ",c" + i + "@example.cn," + place[0] + ","
                        + place[1] + "," + TRADES[r.nextInt(TRADES.length)] + ",展会\n");
            }
        }
    }
}

package dev.rapport.demo;

import dev.rapport.identity.StaffProvisioning;
import dev.rapport.platform.ChineseNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo company: 公司 → 华北大区 / 华东大区 / 华南大区 / Export Department → teams, plus customer
 * service and marketing. Each region has a sales manager (data scope: department and below) who
 * manages its reps. Everybody signs in with {@link #PASSWORD}. Running it again reuses the staff.
 */
@Component
class DemoStaff {

    static final String PASSWORD = "demo-password";
    static final String DOMAIN = "@demo.rapport.local";

    /** Region → its manager, then team → reps. Names include polyphonic surnames (曾 Zeng, 单 Shan, 区 Ou, 解 Xie, 仇 Qiu). */
    private static final Map<String, Object[]> REGIONS = new LinkedHashMap<>();

    static {
        REGIONS.put(Places.NORTH, new Object[] {"王建国", Map.of("北京一组", List.of("李娜", "张伟"), "北京二组", List.of("刘洋", "陈静"),
                "天津组", List.of("杨帆", "赵磊"))});
        REGIONS.put(Places.EAST, new Object[] {"周晓燕", Map.of("上海一组", List.of("吴昊", "徐婷"), "杭州组", List.of("孙浩", "胡敏"),
                "南京组", List.of("朱琳", "郭强"))});
        REGIONS.put(Places.SOUTH, new Object[] {"曾志伟", Map.of("广州组", List.of("单丽", "区嘉欣"), "深圳组", List.of("林峰", "何雪"),
                "成都组", List.of("罗斌", "梁静"))});
        REGIONS.put(Places.EXPORT, new Object[] {"Emily Carter", Map.of("Europe Team", List.of("James Wilson", "解明"),
                "Americas Team", List.of("Sophie Martin", "仇方"))});
    }

    private final StaffProvisioning staff;

    DemoStaff(StaffProvisioning staff) {
        this.staff = staff;
    }

    /** The fixed staff: four regional managers and their reps. */
    static final int BASE_REPS = 22;
    /** Reps added beyond the fixed staff go into teams of this size. */
    private static final int TEAM_SIZE = 10;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宇浩晨欣怡佳琪涵轩婷远鹏博俊";

    StaffPlan create() {
        return create(BASE_REPS);
    }

    /**
     * The demo company with at least {@code repCount} sales reps: beyond the fixed staff, reps
     * rep023@…, rep024@… are added to numbered teams of ten spread over the regions (for
     * benchmarks that need a company of hundreds of reps).
     */
    @SuppressWarnings("unchecked")
    StaffPlan create(int repCount) {
        String hash = staff.hashPassword(PASSWORD);
        Map<String, List<Long>> reps = new LinkedHashMap<>();
        Map<String, Long> managers = new LinkedHashMap<>();
        List<String> emails = new ArrayList<>();
        List<Long> departments = new ArrayList<>();
        for (var region : REGIONS.entrySet()) {
            long dept = staff.department(1L, region.getKey());
            departments.add(dept);
            String managerName = (String) region.getValue()[0];
            long manager = staff.user(email(managerName), managerName, hash, "sales-manager", dept, null);
            emails.add(email(managerName));
            managers.put(region.getKey(), manager);
            List<Long> regionReps = new ArrayList<>();
            // sorted so ids do not depend on Map.of iteration order
            var teams = new java.util.TreeMap<>((Map<String, List<String>>) region.getValue()[1]);
            for (var team : teams.entrySet()) {
                long teamDept = staff.department(dept, team.getKey());
                for (String rep : team.getValue()) {
                    regionReps.add(staff.user(email(rep), rep, hash, "sales-rep", teamDept, manager));
                    emails.add(email(rep));
                }
            }
            reps.put(region.getKey(), regionReps);
        }
        List<String> regions = new ArrayList<>(REGIONS.keySet());
        for (int i = BASE_REPS; i < repCount; i++) {
            String region = regions.get((i / TEAM_SIZE) % regions.size());
            long regionDept = staff.department(1L, region);
            long teamDept = staff.department(regionDept, region + " " + (i / TEAM_SIZE + 1));
            String name = SURNAMES.charAt(i % SURNAMES.length()) + "" + GIVEN.charAt((i / SURNAMES.length()) % GIVEN.length())
                    + GIVEN.charAt((i * 7) % GIVEN.length());
            String email = String.format(Locale.ROOT, "rep%03d%s", i + 1, DOMAIN);
            reps.get(region).add(staff.user(email, name, hash, "sales-rep", teamDept, managers.get(region)));
            emails.add(email);
        }
        long service = staff.department(1L, "客户服务部");
        staff.user(email("马丽"), "马丽", hash, "service-agent", service, null);
        long marketing = staff.department(1L, "市场部");
        staff.user(email("黄蕾"), "黄蕾", hash, "marketer", marketing, null);
        emails.add(email("马丽"));
        emails.add(email("黄蕾"));
        return new StaffPlan(reps, managers, emails, departments);
    }

    static String email(String name) {
        String local = ChineseNames.containsHan(name) ? ChineseNames.pinyin(name, true)
                : name.toLowerCase(Locale.ROOT).replace(' ', '.');
        return local + DOMAIN;
    }
}

package dev.rapport.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Real 省/市/区 triples with the city's administrative division code (used in credit codes) and
 * telephone area code, grouped by the sales region that covers them.
 */
final class Places {

    record City(String region, String province, String city, String divisionCode, String areaCode, List<String> districts) {
    }

    static final String NORTH = "华北大区";
    static final String EAST = "华东大区";
    static final String SOUTH = "华南大区";
    static final String EXPORT = "Export Department";

    static final List<City> CITIES = List.of(
            new City(NORTH, "北京市", "北京市", "110100", "010", List.of("朝阳区", "海淀区", "东城区", "西城区", "丰台区")),
            new City(NORTH, "天津市", "天津市", "120100", "022", List.of("和平区", "南开区", "滨海新区")),
            new City(NORTH, "河北省", "石家庄市", "130100", "0311", List.of("长安区", "桥西区", "裕华区")),
            new City(NORTH, "山东省", "济南市", "370100", "0531", List.of("历下区", "市中区", "槐荫区")),
            new City(NORTH, "山东省", "青岛市", "370200", "0532", List.of("市南区", "崂山区", "黄岛区")),
            new City(NORTH, "辽宁省", "沈阳市", "210100", "024", List.of("和平区", "沈河区", "浑南区")),
            new City(NORTH, "辽宁省", "大连市", "210200", "0411", List.of("中山区", "甘井子区", "沙河口区")),
            new City(EAST, "上海市", "上海市", "310100", "021", List.of("浦东新区", "徐汇区", "静安区", "黄浦区", "闵行区")),
            new City(EAST, "浙江省", "杭州市", "330100", "0571", List.of("西湖区", "上城区", "滨江区", "余杭区")),
            new City(EAST, "浙江省", "宁波市", "330200", "0574", List.of("鄞州区", "海曙区", "江北区")),
            new City(EAST, "江苏省", "南京市", "320100", "025", List.of("玄武区", "鼓楼区", "建邺区")),
            new City(EAST, "江苏省", "苏州市", "320500", "0512", List.of("姑苏区", "吴中区", "相城区")),
            new City(EAST, "江苏省", "无锡市", "320200", "0510", List.of("梁溪区", "滨湖区", "新吴区")),
            new City(EAST, "福建省", "厦门市", "350200", "0592", List.of("思明区", "湖里区", "集美区")),
            new City(SOUTH, "广东省", "广州市", "440100", "020", List.of("天河区", "越秀区", "海珠区", "番禺区")),
            new City(SOUTH, "广东省", "深圳市", "440300", "0755", List.of("南山区", "福田区", "宝安区", "龙岗区")),
            new City(SOUTH, "广东省", "佛山市", "440600", "0757", List.of("禅城区", "南海区", "顺德区")),
            new City(SOUTH, "四川省", "成都市", "510100", "028", List.of("锦江区", "武侯区", "青羊区")),
            new City(SOUTH, "湖北省", "武汉市", "420100", "027", List.of("江汉区", "武昌区", "洪山区")));

    /** 北京, 上海, 广州, 深圳. */
    private static final int[] BIG = {0, 7, 14, 15};

    private Places() {
    }

    /** Big cities come up more often, as they do in a real customer base. */
    static City pick(RandomGenerator random) {
        if (random.nextInt(10) < 3) {
            return CITIES.get(BIG[random.nextInt(BIG.length)]);
        }
        return CITIES.get(random.nextInt(CITIES.size()));
    }
}

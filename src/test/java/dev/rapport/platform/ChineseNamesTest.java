package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNamesTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource({
            "张三, zhangsan, zs",
            "单雄信, shanxiongxin, sxx",
            "曾国藩, zengguofan, zgf",
            "解缙, xiejin, xj",
            "仇英, qiuying, qy",
            "区永权, ouyongquan, oyq",
            "欧阳修, ouyangxiu, oyx",
            "尉迟恭, yuchigong, ycg",
            "John Smith, johnsmith, js"})
    void readsSurnamesWithTheirSurnameReading(String name, String pinyin, String initials) {
        assertThat(ChineseNames.pinyin(name, true)).isEqualTo(pinyin);
        assertThat(ChineseNames.initials(name, true)).isEqualTo(initials);
    }

    @ParameterizedTest
    @CsvSource({"单位, danwei", "银行, yinxing"})
    void organisationsAreNotReadAsSurnames(String name, String pinyin) {
        // 单 as the first character of a company name keeps its ordinary reading
        assertThat(ChineseNames.pinyin(name, false)).startsWith(pinyin.substring(0, 3));
    }
}

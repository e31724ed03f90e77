package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The English and Simplified Chinese bundles must have exactly the same keys, none empty. */
class MessageBundlesTest {

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws Exception {
        Properties en = load("/messages.properties");
        Properties zh = load("/messages_zh_CN.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertThat(onlyEn).as("keys missing in messages_zh_CN.properties").isEmpty();
        assertThat(onlyZh).as("keys missing in messages.properties").isEmpty();
        assertThat(en.stringPropertyNames()).allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
        assertThat(zh.stringPropertyNames()).allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
    }

    @Test
    void chineseBundleIsActuallyChinese() throws Exception {
        Properties zh = load("/messages_zh_CN.properties");
        assertThat(zh.getProperty("nav.customers")).isEqualTo("客户");
        assertThat(zh.getProperty("status.potential")).isEqualTo("潜在客户");
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

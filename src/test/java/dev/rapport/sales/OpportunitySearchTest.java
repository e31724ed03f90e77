package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opportunity list's q: substrings, pinyin and initials of Chinese names, word starts for short terms. */
class OpportunitySearchTest extends ApiTestSupport {

    List<String> names(String q) {
        return json(get(adminToken(), "/api/v1/opportunities", "q", q), "$.items[*].name");
    }

    @Test
    void findsChineseNamesByCharactersPinyinAndInitials() {
        long c = createCustomer(adminToken(), "{\"name\":\"" + unique("搜索客户") + "\"}");
        String tag = unique("sx").replaceAll("[^a-z0-9]", "");
        String cloud = "华为云迁移 " + tag;
        String erp = "Kingdee ERP " + tag;
        post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + cloud + "\",\"customerId\":" + c + "}");
        post(adminToken(), "/api/v1/opportunities", "{\"name\":\"" + erp + "\",\"customerId\":" + c + "}");

        assertThat(names(tag)).containsExactlyInAnyOrder(cloud, erp);
        assertThat(names("云迁")).as("two Chinese characters").contains(cloud).doesNotContain(erp);
        assertThat(names("迁移 " + tag)).as("Chinese and latin").containsExactly(cloud);
        assertThat(names("huaweiyun")).contains(cloud).doesNotContain(erp);
        assertThat(names("hwy")).as("initials").contains(cloud);
        assertThat(names("ERP " + tag)).as("case-insensitive").containsExactly(erp);
        assertThat(names("迁华")).doesNotContain(cloud);

        // a renamed opportunity is found by its new name only
        long id = id(get(adminToken(), "/api/v1/opportunities?q=" + tag + "&sort=id&limit=1"), "$.items[0].id");
        var renamed = patch(adminToken(), "/api/v1/opportunities/" + id, "{\"name\":\"数据中心 " + tag + "\",\"version\":0}");
        assertThat(renamed).as(body(renamed)).hasStatusOk();
        assertThat(names("shujuzhongxin")).contains("数据中心 " + tag);
        assertThat(names("huaweiyun")).doesNotContain(cloud);
    }
}

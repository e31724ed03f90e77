package dev.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ApiTestSupport;
import dev.rapport.customers.domain.CreditCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerApiTest extends ApiTestSupport {

    @Test
    void createsACustomerWithNormalizedPhoneAndDefaults() {
        var r = post(adminToken(), "/api/v1/customers", "{\"type\":\"individual\",\"name\":\"单雄信\",\"phone\":\"138-0013-8001\",\"email\":\"Shan@Example.COM\"}");
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
        assertThat(r.getResponse().getHeader("Location")).startsWith("/api/v1/customers/");
        assertThat((String) json(r, "$.customer.phoneNormalized")).isEqualTo("+8613800138001");
        assertThat((String) json(r, "$.customer.status")).isEqualTo("potential");
        assertThat((String) json(r, "$.customer.tier")).isEqualTo("unrated");
    }

    @Test
    void rejectsBadInputFieldByFieldAndWritesNothing() {
        String name = unique("坏数据");
        var r = post(adminToken(), "/api/v1/customers", "{\"type\":\"robot\",\"name\":\"" + name + "\",\"phone\":\"12\",\"email\":\"nope\",\"creditCode\":\"91110108MA01ABCDE1\",\"status\":\"happy\"}");
        assertThat(r).hasStatus(400);
        List<String> fields = json(r, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("type", "phone", "email", "creditCode", "status");
        assertThat((List<?>) json(get(adminToken(), "/api/v1/customers?q=" + name), "$.items")).isEmpty();
    }

    @Test
    void acceptsAValidCreditCodeAndFindsTheCompanyByIt() {
        String code = CreditCode.withCheckDigit("91310115MA1K3" + (1000 + (int) (Math.random() * 8999)));
        assertThat(CreditCode.isValid(code)).isTrue();
        long id = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("上海测试有限公司") + "\",\"creditCode\":\"" + code + "\"}");
        List<Integer> found = json(get(adminToken(), "/api/v1/customers?q=" + code.toLowerCase()), "$.items[*].id");
        assertThat(found).contains((int) id);
    }

    @Test
    void theCreateAnswerNamesEachPossibleDuplicateWithItsReasonButNotTheNewRecord() {
        String code = CreditCode.withCheckDigit("91310115MA1K3" + (1000 + (int) (Math.random() * 8999)));
        String email = unique("dup") + "@example.cn";
        String name = unique("宁波海曙贸易");
        long first = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + name + "\",\"creditCode\":\"" + code
                + "\",\"email\":\"" + email + "\"}");

        var byCode = post(adminToken(), "/api/v1/customers", "{\"type\":\"organization\",\"name\":\"" + unique("other") + "\",\"creditCode\":\""
                + code.toLowerCase() + "\"}");
        assertThat(byCode).hasStatus(201);
        assertThat(ids(byCode, "$.possibleDuplicates[*].id")).containsExactly(first);
        assertThat((List<String>) json(byCode, "$.possibleDuplicates[*].reason")).containsExactly("creditCode");

        var byEmail = post(adminToken(), "/api/v1/customers", "{\"type\":\"organization\",\"name\":\"" + unique("other") + "\",\"email\":\" "
                + email.toUpperCase() + "\"}");
        assertThat(ids(byEmail, "$.possibleDuplicates[*].id")).containsExactly(first);
        assertThat((List<String>) json(byEmail, "$.possibleDuplicates[*].reason")).containsExactly("email");

        var byName = post(adminToken(), "/api/v1/customers", "{\"type\":\"organization\",\"name\":\" " + name + " \"}");
        long third = id(byName, "$.customer.id");
        assertThat(ids(byName, "$.possibleDuplicates[*].id")).contains(first).doesNotContain(third);
    }

    @Test
    void findsChineseNamesByPinyinInitialsAndPhoneInAnyFormat() {
        String suffix = String.valueOf(System.nanoTime()).substring(7, 11);
        long id = createCustomer(adminToken(), "{\"type\":\"individual\",\"name\":\"曾国藩\",\"phone\":\"+86 139 " + suffix + " 0000\"}");
        assertThat(ids(get(adminToken(), "/api/v1/search?q=zengguofan"), "$.customers[*].id")).contains(id);
        assertThat(ids(get(adminToken(), "/api/v1/search?q=zgf"), "$.customers[*].id")).contains(id);
        assertThat(ids(get(adminToken(), "/api/v1/search?q=曾国"), "$.customers[*].id")).contains(id);
        for (String typed : List.of("139-" + suffix + "-0000", "+86 139 " + suffix + " 0000", "0086 (139) " + suffix + "0000", suffix + "0000")) {
            assertThat(ids(get(adminToken(), "/api/v1/search", "q", typed), "$.customers[*].id")).as(typed).contains(id);
        }
        assertThat(ids(get(adminToken(), "/api/v1/search?q=cengguofan"), "$.customers[*].id"))
                .as("曾 as a surname is read Zeng, not Ceng").doesNotContain(id);
    }

    @Test
    void aShortChineseTermFindsItsCharactersNotOtherNamesReadTheSameWay() {
        String tag = "hz" + System.nanoTime() % 1_000_000_000L;
        long zhangWei = createCustomer(adminToken(), "{\"type\":\"individual\",\"name\":\"张伟\",\"tags\":[\"" + tag + "\"]}");
        long zhangWeiToo = createCustomer(adminToken(), "{\"type\":\"individual\",\"name\":\"章伟\",\"tags\":[\"" + tag + "\"]}");
        List<Long> found = ids(get(adminToken(), "/api/v1/customers?limit=200&tag=" + tag, "q", "张伟"), "$.items[*].id");
        assertThat(found).contains(zhangWei).doesNotContain(zhangWeiToo);
        assertThat(ids(get(adminToken(), "/api/v1/customers?limit=200&tag=" + tag, "q", "zhangwei"), "$.items[*].id"))
                .as("the pinyin finds both").contains(zhangWei, zhangWeiToo);
    }

    @Test
    void twoChineseCharactersAreFoundAnywhereInANameAndThroughAContactsCompany() {
        // a pair no other test writes; on PostgreSQL this is the Han bigram index's path
        java.util.Random random = new java.util.Random();
        String pair = new String(new char[] {(char) (0x4E00 + random.nextInt(0x51A5)), (char) (0x4E00 + random.nextInt(0x51A5))});
        long middle = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"华信" + pair + "有限公司\"}");
        long apart = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + pair.charAt(0) + "记" + pair.charAt(1) + "业有限公司\"}");
        long contact = id(post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + middle + ",\"name\":\"李雷\"}"), "$.id");
        var search = get(adminToken(), "/api/v1/search", "q", pair);
        assertThat(ids(search, "$.customers[*].id")).as(pair).contains(middle).doesNotContain(apart);
        assertThat(ids(search, "$.contacts[*].id")).as("the contact through its company's name").contains(contact);
        assertThat(ids(get(adminToken(), "/api/v1/customers?limit=200", "q", pair), "$.items[*].id")).as(pair)
                .contains(middle).doesNotContain(apart);
        assertThat(ids(get(adminToken(), "/api/v1/contacts?limit=200", "q", pair), "$.items[*].id")).contains(contact);
    }

    @Test
    void findsAForeignNumberWithAndWithoutItsCountryCode() {
        String suffix = String.valueOf(System.nanoTime()).substring(7, 11);
        long id = createCustomer(adminToken(), "{\"type\":\"individual\",\"name\":\"" + unique("Ada") + "\",\"phone\":\"+44 20 7946 " + suffix + "\"}");
        for (String typed : List.of("+44 20 7946 " + suffix, "44207946" + suffix, "020 7946 " + suffix, "7946" + suffix)) {
            assertThat(ids(get(adminToken(), "/api/v1/search", "q", typed), "$.customers[*].id")).as(typed).contains(id);
        }
    }

    @Test
    void aStaleUpdateIsRefusedNeverOverwritten() {
        long id = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("Acme") + "\"}");
        var first = put(adminToken(), "/api/v1/customers/" + id, "{\"type\":\"organization\",\"name\":\"Acme One\"}", "\"0\"");
        assertThat(first).as(body(first)).hasStatusOk();
        assertThat(first.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        var staleIfMatch = put(adminToken(), "/api/v1/customers/" + id, "{\"type\":\"organization\",\"name\":\"Acme Two\"}", "\"0\"");
        assertThat(staleIfMatch).hasStatus(412);
        var staleBody = put(adminToken(), "/api/v1/customers/" + id, "{\"type\":\"organization\",\"name\":\"Acme Two\",\"version\":0}", null);
        assertThat(staleBody).hasStatus(409);
        var noVersion = put(adminToken(), "/api/v1/customers/" + id, "{\"type\":\"organization\",\"name\":\"Acme Two\"}", null);
        assertThat(noVersion).hasStatus(400);
        assertThat((String) json(get(adminToken(), "/api/v1/customers/" + id), "$.name")).isEqualTo("Acme One");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndIsAudited() {
        long id = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("Patchy") + "\",\"industry\":\"制造业\",\"tags\":[\"vip\"]}");
        var r = patch(adminToken(), "/api/v1/customers/" + id, "{\"city\":\"杭州\",\"version\":0}");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat((String) json(r, "$.city")).isEqualTo("杭州");
        assertThat((String) json(r, "$.industry")).isEqualTo("制造业");
        assertThat((List<String>) json(r, "$.tags")).containsExactly("vip");
        var history = get(adminToken(), "/api/v1/customers/" + id + "/history");
        List<String> fields = json(history, "$.items[?(@.action == 'update')].field");
        assertThat(fields).containsExactly("city");
        assertThat((List<String>) json(history, "$.items[?(@.field == 'city')].newValue")).containsExactly("杭州");
    }

    @Test
    void statusChangesAreKeptInTheStatusHistory() {
        long id = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + unique("Status") + "\"}");
        assertThat(post(adminToken(), "/api/v1/customers/" + id + "/status", "{\"status\":\"target\",\"version\":0}")).hasStatusOk();
        assertThat(post(adminToken(), "/api/v1/customers/" + id + "/status", "{\"status\":\"现实客户\",\"reason\":\"first order\",\"version\":1}")).hasStatusOk();
        var history = get(adminToken(), "/api/v1/customers/" + id + "/status-history");
        assertThat((List<String>) json(history, "$[*].toStatus")).containsExactly("current", "target", "potential");
        assertThat((String) json(history, "$[0].reason")).isEqualTo("first order");
    }

    @Test
    void keysetPagingWalksEveryRowOnceInEachSortOrder() {
        String tag = unique("page");
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"Page " + (char) ('G' - i) + "\",\"tags\":[\"" + tag + "\"]}"));
        }
        for (String sort : List.of("-id", "id", "name", "-name", "updated", "-updated")) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            do {
                var r = get(adminToken(), "/api/v1/customers?tag=" + tag + "&limit=3&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(r).as(body(r)).hasStatusOk();
                seen.addAll(ids(r, "$.items[*].id"));
                cursor = json(r, "$.next");
            } while (cursor != null);
            assertThat(seen).as(sort).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
        }
        List<String> names = json(get(adminToken(), "/api/v1/customers?tag=" + tag + "&sort=name"), "$.items[*].name");
        assertThat(names).isSorted();
        assertThat((Integer) json(get(adminToken(), "/api/v1/customers/count?tag=" + tag), "$.count")).isEqualTo(7);
    }

    @Test
    void searchResultsPageNewestFirstWithoutGapsOrRepeats() {
        String marker = unique("srch").replace("-", "");
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            created.add(createCustomer(adminToken(), "{\"name\":\"" + marker + " " + i + "\"}"));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var r = get(adminToken(), "/api/v1/customers?q=" + marker + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(r, "$.items[*].id"));
            cursor = json(r, "$.next");
        } while (cursor != null);
        java.util.Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void contactsAreFoundByTheirCompanysCurrentName() {
        String before = unique("Oldname").replace("-", "");
        String after = unique("Newname").replace("-", "");
        long company = createCustomer(adminToken(), "{\"name\":\"" + before + "\"}");
        long contact = id(post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + company + ",\"name\":\"Li Lei\"}"), "$.id");
        assertThat(ids(get(adminToken(), "/api/v1/search", "q", before), "$.contacts[*].id")).containsExactly(contact);
        assertThat(patch(adminToken(), "/api/v1/customers/" + company, "{\"name\":\"" + after + "\",\"version\":0}")).hasStatusOk();
        assertThat(ids(get(adminToken(), "/api/v1/search", "q", after), "$.contacts[*].id")).containsExactly(contact);
        assertThat(ids(get(adminToken(), "/api/v1/search", "q", before), "$.contacts[*].id")).isEmpty();
    }

    @Test
    void unknownFiltersAndSortsAreClearErrors() {
        var r = get(adminToken(), "/api/v1/customers?sort=password");
        assertThat(r).hasStatus(400);
        assertThat((List<String>) json(r, "$.errors[*].field")).containsExactly("sort");
        assertThat(get(adminToken(), "/api/v1/customers?cursor=%%%")).hasStatus(400);
        assertThat(get(adminToken(), "/api/v1/customers?cf.nosuchfield=1")).hasStatus(400);
    }

    @Test
    void customFieldsWorkInCreateFilterAndDetails() {
        String key = "budget_" + unique("k").substring(2, 6).replace("-", "");
        assertThat(post(adminToken(), "/api/v1/custom-fields", "{\"entityType\":\"customer\",\"key\":\"" + key + "\",\"label\":\"预算\",\"type\":\"NUMBER\"}")).hasStatus(201);
        String sel = "level_" + unique("k").substring(2, 6).replace("-", "");
        assertThat(post(adminToken(), "/api/v1/custom-fields", "{\"entityType\":\"customer\",\"key\":\"" + sel + "\",\"label\":\"等级\",\"type\":\"SELECT\",\"options\":[\"A\",\"B\"]}")).hasStatus(201);
        long big = createCustomer(adminToken(), "{\"name\":\"" + unique("Big") + "\",\"customFields\":{\"" + key + "\":\"5000\",\"" + sel + "\":\"A\"}}");
        long small = createCustomer(adminToken(), "{\"name\":\"" + unique("Small") + "\",\"customFields\":{\"" + key + "\":\"20\",\"" + sel + "\":\"B\"}}");
        var bad = post(adminToken(), "/api/v1/customers", "{\"name\":\"x\",\"customFields\":{\"" + sel + "\":\"Z\",\"" + key + "\":\"lots\"}}");
        assertThat(bad).hasStatus(400);
        assertThat((List<String>) json(bad, "$.errors[*].field")).containsExactlyInAnyOrder("cf." + sel, "cf." + key);
        List<Long> rich = ids(get(adminToken(), "/api/v1/customers?cf." + key + ".min=1000"), "$.items[*].id");
        assertThat(rich).contains(big).doesNotContain(small);
        List<Long> levelB = ids(get(adminToken(), "/api/v1/customers?cf." + sel + "=B"), "$.items[*].id");
        assertThat(levelB).contains(small).doesNotContain(big);
        var details = get(adminToken(), "/api/v1/customers/" + big);
        assertThat(body(details)).contains("\"" + sel + "\":\"A\"");
    }

    @Test
    void bulkActionsReportPerRecordAndAreAudited() {
        long a = createCustomer(adminToken(), "{\"name\":\"" + unique("BulkA") + "\"}");
        long b = createCustomer(adminToken(), "{\"name\":\"" + unique("BulkB") + "\"}");
        long rep = createUser(unique("rep") + "@test.local", "sales-rep", 1, null);
        var r = post(adminToken(), "/api/v1/customers/bulk", "{\"action\":\"owner\",\"ids\":[" + a + "," + b + ",999999999],\"ownerId\":" + rep + "}");
        assertThat(r).as(body(r)).hasStatusOk();
        assertThat(ids(r, "$.done")).containsExactlyInAnyOrder(a, b);
        assertThat(ids(r, "$.notFound")).containsExactly(999999999L);
        assertThat(id(get(adminToken(), "/api/v1/customers/" + a), "$.ownerId")).isEqualTo(rep);
        assertThat((List<String>) json(get(adminToken(), "/api/v1/customers/" + a + "/history"), "$.items[*].action")).contains("owner");
        var tag = post(adminToken(), "/api/v1/customers/bulk", "{\"action\":\"tag\",\"ids\":[" + a + "],\"tag\":\"展会\"}");
        assertThat(tag).hasStatusOk();
        assertThat((List<String>) json(get(adminToken(), "/api/v1/customers/" + a), "$.tags")).contains("展会");
        assertThat(post(adminToken(), "/api/v1/customers/bulk", "{\"action\":\"delete\",\"ids\":[" + b + "]}")).hasStatusOk();
        assertThat(get(adminToken(), "/api/v1/customers/" + b)).hasStatus(404);
    }

    @Test
    void deletingAnOrganizationKeepsItsContactsWithoutACompany() {
        String company = unique("关闭公司");
        long org = createCustomer(adminToken(), "{\"type\":\"organization\",\"name\":\"" + company + "\"}");
        long contact = id(post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + org + ",\"name\":\"" + unique("留下") + "\"}"), "$.id");
        var deleted = delete(adminToken(), "/api/v1/customers/" + org);
        assertThat(deleted).as(body(deleted)).hasStatus2xxSuccessful();
        assertThat(get(adminToken(), "/api/v1/customers/" + org)).hasStatus(404);
        var kept = get(adminToken(), "/api/v1/contacts/" + contact);
        assertThat(kept).hasStatusOk();
        assertThat((Object) json(kept, "$.customerId")).isNull();
        assertThat((List<String>) json(get(adminToken(), "/api/v1/contacts/" + contact + "/history"), "$.items[*].field")).contains("customer_id");
        assertThat((List<Number>) json(get(adminToken(), "/api/v1/search", "q", company), "$.contacts[*].id")).isEmpty();
    }

    static List<Long> ids(org.springframework.test.web.servlet.assertj.MvcTestResult r, String path) {
        List<Number> raw = json(r, path);
        return raw.stream().map(Number::longValue).toList();
    }
}

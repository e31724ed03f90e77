package dev.rapport.customers.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ImportPagesTest {

    @Autowired MockMvc mvc;

    @Test
    void uploadPreviewStartAndProgressPagesRender() throws Exception {
        String admin = "admin@test.local";
        String list = mvc.perform(get("/imports").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("upload-form").contains("_csrf");
        MockMultipartFile file = new MockMultipartFile("file", "page.csv", "text/csv",
                "客户名称,邮箱,Unknown\n页面测试公司,page@example.com,x\n".getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).param("type", "customers").param("mode", "skip")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/imports/\\d+/preview");
        String preview = mvc.perform(get(location).with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("name=\"map.客户名称\"").contains("<option value=\"name\" selected=\"selected\"");
        String id = location.replaceAll("\\D", "");
        mvc.perform(post("/imports/" + id + "/start").param("mode", "skip").param("map.Unknown", "").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String fragment = mvc.perform(get("/imports/" + id).header("HX-Request", "true").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("import-progress").doesNotContain("<html");
    }

    @Test
    void theUploadFormOffersOnlyTheMatchKeysOfTheChosenTypeAndRefusesACreditCodeForLeads() throws Exception {
        String admin = "admin@test.local";
        String leads = mvc.perform(get("/imports?type=leads&lang=en").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(leads).contains("<option value=\"leads\" selected=\"selected\">")
                .contains("<option value=\"email\" data-import-types=\"customers contacts leads\">E-mail</option>");
        String creditCode = leads.replaceAll("(?s).*(<option value=\"creditCode\"[^>]*>).*", "$1");
        assertThat(creditCode).contains("data-import-types=\"customers\"").contains("hidden=\"hidden\"").contains("disabled=\"disabled\"");
        String customers = mvc.perform(get("/imports?type=customers&lang=zh-CN").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(customers).contains("<option value=\"creditCode\" data-import-types=\"customers\">统一社会信用代码</option>");
        // no type named: the first type the user may import is shown, with its keys
        String first = mvc.perform(get("/imports").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("<option value=\"customers\" selected=\"selected\">")
                .contains("<option value=\"creditCode\" data-import-types=\"customers\">");

        MockMultipartFile file = new MockMultipartFile("file", "leads.csv", "text/csv", "Name,Email\nLi,li@x.cn\n".getBytes(StandardCharsets.UTF_8));
        var refused = mvc.perform(multipart("/imports?lang=en").file(file).param("type", "leads").param("mode", "create")
                        .param("matchOn", "creditCode").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/imports");
        assertThat((Object) refused.getFlashMap().get("flash"))
                .isEqualTo("Match on: must be e-mail, phone, external id or, for customers only, credit code (contacts and leads have no credit code)");
        var zh = mvc.perform(multipart("/imports?lang=zh-CN").file(file).param("type", "contacts").param("mode", "create")
                        .param("matchOn", "creditCode").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((Object) zh.getFlashMap().get("flash")).asString().startsWith("匹配字段: ").contains("联系人和线索没有信用代码");
    }
}

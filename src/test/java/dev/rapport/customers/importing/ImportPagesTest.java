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
}

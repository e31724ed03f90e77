package dev.rapport.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.ApiTestSupport;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A quote goes to the contact's e-mail with its PDF attached, through a real SMTP server (GreenMail). */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QuoteMailTest extends ApiTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("rapport.mail.host", () -> "127.0.0.1");
        registry.add("rapport.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("rapport.mail.from", () -> "Rapport <crm@example.test>");
    }

    @Test
    void aQuoteIsMailedToTheContactWithThePdfAttachedAndIsThenSent() throws Exception {
        String name = unique("上海明珠贸易");
        long customer = createCustomer(adminToken(), "{\"name\":\"" + name + "\"}");
        String buyer = unique("buyer") + "@example.test";
        var contact = post(adminToken(), "/api/v1/contacts", "{\"customerId\":" + customer + ",\"name\":\"王采购\",\"email\":\"" + buyer + "\"}");
        assertThat(contact).as(body(contact)).hasStatus(201);
        long contactId = id(contact, "$.id");
        var q = post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer + ",\"contactId\":" + contactId
                + ",\"lines\":[{\"description\":\"年度维保\",\"quantity\":1,\"unitPrice\":8888,\"taxRate\":6}]}");
        assertThat(q).as(body(q)).hasStatus(201);
        long quote = id(q, "$.id");

        var sent = post(adminToken(), "/api/v1/quotes/" + quote + "/send", "{\"version\":0}");

        assertThat(sent).as(body(sent)).hasStatusOk();
        assertThat(json(sent, "$.status").toString()).isEqualTo("sent");
        assertThat(json(sent, "$.sentTo").toString()).isEqualTo(buyer);
        MimeMessage message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(buyer);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        Multipart parts = (Multipart) message.getContent();
        Part pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertThat(pdf).isNotNull();
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(name).contains("9421.28");
        }
        assertThat(body(get(adminToken(), "/api/v1/quotes/" + quote + "/history"))).contains("sent");
        // once sent, it cannot be sent again
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/send", "{\"version\":1}")).hasStatus(400);
    }

    @Test
    void anAcceptedQuoteBecomesOneOrderWithTheSameTotal() {
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("杭州订货") + "\"}");
        var q = post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer + ",\"discountPercent\":10"
                + ",\"lines\":[{\"description\":\"网关\",\"quantity\":2,\"unitPrice\":1000,\"discountPercent\":5,\"taxRate\":13}]}");
        assertThat(q).as(body(q)).hasStatus(201);
        long quote = id(q, "$.id");
        assertThat(((Number) json(q, "$.total")).doubleValue()).isEqualTo(1932.30);
        var early = post(adminToken(), "/api/v1/quotes/" + quote + "/order", "{}");
        assertThat(early).as("not accepted yet").hasStatus(400);
        assertThat(body(early)).contains("quoteId");

        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/send", "{\"version\":0,\"to\":\"buyer@example.test\"}")).hasStatusOk();
        var accepted = post(adminToken(), "/api/v1/quotes/" + quote + "/accept", "{\"version\":1}");
        assertThat(accepted).as(body(accepted)).hasStatusOk();
        var order = post(adminToken(), "/api/v1/quotes/" + quote + "/order", "{}");

        assertThat(order).as(body(order)).hasStatus(201);
        assertThat(id(order, "$.quoteId")).isEqualTo(quote);
        assertThat(id(order, "$.customerId")).isEqualTo(customer);
        assertThat(json(order, "$.status").toString()).isEqualTo("draft");
        assertThat(((Number) json(order, "$.total")).doubleValue()).isEqualTo(1932.30);
        assertThat(((Number) json(order, "$.lines[0].discount")).doubleValue()).isEqualTo(14.5);
        var again = post(adminToken(), "/api/v1/quotes/" + quote + "/order", "{}");
        assertThat(id(again, "$.id")).as("a quote gives one order").isEqualTo(id(order, "$.id"));
    }

    @Test
    void anAcceptedQuoteBecomesOneContractAndALaterOrderTakesTheDraftContractOver() {
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("合同客户") + "\"}");
        long quote = id(post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer
                + ",\"lines\":[{\"description\":\"年度维保\",\"quantity\":1,\"unitPrice\":5000}]}"), "$.id");
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/contract", "{}")).as("not accepted yet").hasStatus(400);
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/send", "{\"version\":0,\"to\":\"buyer@example.test\"}")).hasStatusOk();
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/accept", "{\"version\":1}")).hasStatusOk();

        var contract = post(adminToken(), "/api/v1/quotes/" + quote + "/contract", "{}");
        assertThat(contract).as(body(contract)).hasStatus(201);
        long k = id(contract, "$.id");
        assertThat(id(contract, "$.quoteId")).isEqualTo(quote);
        assertThat(id(contract, "$.customerId")).isEqualTo(customer);
        assertThat(((Number) json(contract, "$.amount")).doubleValue()).isEqualTo(5000.0);
        assertThat(json(contract, "$.status").toString()).isEqualTo("draft");
        assertThat((Object) json(contract, "$.orderId")).isNull();
        assertThat(id(post(adminToken(), "/api/v1/quotes/" + quote + "/contract", "{}"), "$.id")).as("one contract per quote").isEqualTo(k);

        long order = id(post(adminToken(), "/api/v1/quotes/" + quote + "/order", "{}"), "$.id");
        assertThat(id(get(adminToken(), "/api/v1/contracts/" + k), "$.orderId")).as("the draft contract is paid through the order").isEqualTo(order);
        var page = mvc.post().uri("/quotes/" + quote + "/contract").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(ADMIN))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(page).hasRedirectedUrl("/contracts/" + k);
    }

    @Test
    void anOrderIsRefusedWhenTheQuotesContractIsAlreadyActive() {
        long customer = createCustomer(adminToken(), "{\"name\":\"" + unique("合同生效") + "\"}");
        long quote = id(post(adminToken(), "/api/v1/quotes", "{\"customerId\":" + customer
                + ",\"lines\":[{\"description\":\"租赁\",\"quantity\":2,\"unitPrice\":100}]}"), "$.id");
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/send", "{\"version\":0,\"to\":\"buyer@example.test\"}")).hasStatusOk();
        assertThat(post(adminToken(), "/api/v1/quotes/" + quote + "/accept", "{\"version\":1}")).hasStatusOk();
        long k = id(post(adminToken(), "/api/v1/quotes/" + quote + "/contract", "{}"), "$.id");
        assertThat(post(adminToken(), "/api/v1/contracts/" + k + "/status", "{\"status\":\"active\"}")).hasStatusOk();
        var order = post(adminToken(), "/api/v1/quotes/" + quote + "/order", "{}");
        assertThat(order).hasStatus(400);
        assertThat(body(order)).contains("quoteId");
    }
}

package dev.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.ApiTestSupport;
import dev.rapport.activities.reminders.TaskReminders;
import dev.rapport.identity.AccountSettings;
import dev.rapport.identity.notifications.NotificationMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders reach people by e-mail through a real SMTP server (GreenMail, in this JVM): to the
 * task's owner, in the language they use Rapport in, with times in their zone and a link to the
 * customer; and not at all when they turned e-mailed reminders off.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReminderMailTest extends ApiTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("rapport.mail.host", () -> "127.0.0.1");
        registry.add("rapport.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("rapport.mail.from", () -> "Rapport <crm@example.test>");
        registry.add("rapport.base-url", () -> "https://crm.example.test/");
    }

    @Autowired
    TaskReminders reminders;

    @Autowired
    NotificationMail mail;

    @Autowired
    AccountSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReminderIsMailedToItsOwnerInTheirLanguageAndZoneWithALinkToTheCustomer() throws Exception {
        String email = unique("zhang") + "@test.local";
        long user = createUser(email, "sales-rep", 1, null);
        settings.rememberLanguage(user, "zh-CN");
        settings.update(user, "Asia/Shanghai", true);
        String customerName = unique("北京星河");
        long customer = dueTask(email, "回访报价", customerName);

        deliverReminders();
        mail.sendDue();

        MimeMessage message = awaitMailTo(email);
        assertThat(message.getSubject()).isEqualTo("Rapport：提醒：回访报价（" + customerName + "），截止时间 2030-01-01 09:00");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("crm@example.test");
        String body = ((String) message.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("提醒：回访报价（" + customerName + "），截止时间 2030-01-01 09:00")
                .contains("在 Rapport 中查看：https://crm.example.test/customers/" + customer + "\n")
                .contains("https://crm.example.test/account");
    }

    @Test
    void anEnglishSpeakerInBerlinGetsItInEnglishAndBerlinTime() throws Exception {
        String email = unique("anna") + "@test.local";
        long user = createUser(email, "sales-rep", 1, null);
        settings.rememberLanguage(user, "en");
        settings.update(user, "Europe/Berlin", true);
        String customerName = unique("Acme");
        long customer = dueTask(email, "call back", customerName);

        deliverReminders();
        mail.sendDue();

        MimeMessage message = awaitMailTo(email);
        assertThat(message.getSubject()).isEqualTo("Rapport: Reminder: call back (" + customerName + "), due 2030-01-01 02:00");
        assertThat((String) message.getContent()).contains("Open it in Rapport: https://crm.example.test/customers/" + customer);
    }

    @Test
    void noMailIsSentWhenTheOwnerTurnedEmailedRemindersOff() throws Exception {
        String email = unique("quiet") + "@test.local";
        long user = createUser(email, "sales-rep", 1, null);
        settings.update(user, "Asia/Shanghai", false);
        dueTask(email, "no mail please", unique("Quiet"));

        deliverReminders();
        mail.sendDue();

        assertThat(jdbc.sql("select count(*) from notifications where user_id = :u").param("u", user).query(Long.class).single())
                .as("the reminder still reaches the inbox").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notifications where user_id = :u and mail_due_at is not null")
                .param("u", user).query(Long.class).single()).as("no mail is queued").isZero();
        // another user's mail, queued after this one, arriving proves the outbox ran past ours
        String other = unique("loud") + "@test.local";
        createUser(other, "sales-rep", 1, null);
        dueTask(other, "mail me", unique("Loud"));
        deliverReminders();
        mail.sendDue();
        awaitMailTo(other);
        assertThat(mailsTo(email)).isEmpty();
    }

    /**
     * Runs the reminder job as if two hours had passed. The reminders of this class are an hour
     * ahead of the real clock: the scheduler of another test class's context, which has no mail,
     * must not deliver them first.
     */
    private void deliverReminders() {
        reminders.deliverDue(Instant.now().plus(Duration.ofHours(2)), 500);
    }

    /** A task of the user's, due 2030-01-01 01:00 UTC, with a reminder an hour from now; returns its customer. */
    private long dueTask(String email, String subject, String customerName) {
        String token = token(email, "password-123");
        long customer = createCustomer(token, "{\"name\":\"" + customerName + "\"}");
        var task = post(token, "/api/v1/activities", "{\"customerId\":" + customer + ",\"type\":\"task\",\"subject\":\"" + subject
                + "\",\"dueAt\":\"2030-01-01T01:00:00Z\",\"remindAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}");
        assertThat(task).as(body(task)).hasStatus(201);
        return customer;
    }

    /** The scheduler in this context may send it before the test's own call does; either way it arrives once. */
    private MimeMessage awaitMailTo(String email) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}

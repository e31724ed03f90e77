package dev.rapport.identity.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails of notifications whose readers asked for them, in the reader's language and
 * time zone, with the notification's link made absolute. Works through the outbox column
 * {@code mail_due_at}: claims a batch with a lease, sends, marks each sent; a failed send is tried
 * again later (after 1, 4, 9, 16 minutes), then given up. Delivery is at least once: a node that
 * dies after sending but before marking may leave a mail to be sent again.
 */
@Component
public class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);
    private static final int BATCH = 100;
    private static final int MAX_ATTEMPTS = 5;
    /** Longer than a batch of sends can take with the 10-second SMTP timeouts. */
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final NotificationStore store;
    private final NotificationText text;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    NotificationMail(NotificationStore store, NotificationText text, ObjectProvider<JavaMailSender> mail, TransactionTemplate tx,
                     Clock clock, @Value("${rapport.mail.from:Rapport <noreply@rapport.local>}") String from,
                     @Value("${rapport.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.text = text;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Whether this node can send mail at all (RAPPORT_MAIL_HOST set). */
    public boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /** Sends every mail that is due, batch by batch; returns how many went out. */
    public int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<NotificationStore.MailRow> due = store.dueMail(now, BATCH);
            if (due.isEmpty()) {
                return sent;
            }
            List<Long> claimed = tx.execute(s -> store.claimMail(due.stream().map(NotificationStore.MailRow::id).toList(),
                    now, now.plus(LEASE)));
            for (NotificationStore.MailRow row : due) {
                if (claimed.contains(row.id())) {
                    sent += send(sender, row) ? 1 : 0;
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean send(JavaMailSender sender, NotificationStore.MailRow row) {
        if (!row.wanted()) {
            // the reader switched e-mails off (or left) after the notification was made
            store.mailDropped(row.id());
            return false;
        }
        Locale locale = NotificationText.localeOf(row.language());
        String body = text.render(row.messageKey(), row.messageArgs(), locale, text.zoneOf(row.timeZone()));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(row.email());
        message.setSubject(text.message("mail.notification.subject", locale, body));
        message.setText(text.message("mail.notification.body", locale, body,
                row.link() == null ? baseUrl + "/notifications" : baseUrl + row.link(), baseUrl + "/account"));
        try {
            sender.send(message);
            store.mailSent(row.id(), clock.instant());
            return true;
        } catch (MailException e) {
            int attempt = row.attempts() + 1;
            Instant retry = attempt >= MAX_ATTEMPTS ? null : clock.instant().plus(Duration.ofMinutes((long) attempt * attempt));
            store.mailFailed(row.id(), retry);
            // the notification id and the error's kind only: SMTP messages quote addresses, and logs travel
            log.warn("Could not mail notification {} (attempt {}{}): {}", row.id(), attempt,
                    retry == null ? ", giving up" : "", e.getClass().getSimpleName());
            return false;
        }
    }
}

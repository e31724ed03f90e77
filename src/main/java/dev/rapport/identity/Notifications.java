package dev.rapport.identity;

import dev.rapport.identity.notifications.NotificationMail;
import dev.rapport.identity.notifications.NotificationStore;
import dev.rapport.identity.notifications.NotificationText;
import dev.rapport.platform.Cursor;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notification inbox (通知). Any module tells a user something with {@link #notify}:
 * task reminders today; public-pool recapture and SLA warnings next. A notification is written in
 * the caller's transaction, so it exists exactly when the change that caused it does.
 *
 * <p>Its text is a message key with arguments, rendered when read in the reader's language and time
 * zone (an {@link Instant} argument shows as a local date and time). Users who keep "e-mail me
 * reminders" on also get each notification by e-mail, when the server has mail configured; the
 * mail goes out within a minute, in the language the user last used the UI in.
 *
 * <p>A user only ever sees and changes their own notifications.
 */
@Service
public class Notifications {

    /**
     * One notification to make. {@code kind} names what it is about (e.g. task.reminder), the
     * arguments are texts, numbers or instants, the link a path inside Rapport (/customers/12) or null.
     */
    public record Notice(long userId, String kind, String messageKey, List<?> args, String link) {
    }

    /** A notification as its reader sees it: {@code text} rendered in their language and zone. */
    public record View(long id, String kind, String text, String link, Instant createdAt, Instant readAt,
                       String messageKey, List<Object> args) {

        public boolean isRead() {
            return readAt != null;
        }
    }

    private static final int BELL_CAP = 100;

    private final NotificationStore store;
    private final NotificationText text;
    private final NotificationMail mail;
    private final Clock clock;

    Notifications(NotificationStore store, NotificationText text, NotificationMail mail, Clock clock) {
        this.store = store;
        this.text = text;
        this.mail = mail;
        this.clock = clock;
    }

    /** Notifies one user; returns the notification's id. */
    @Transactional
    public long notify(long userId, String kind, String messageKey, List<?> args, String link) {
        check(new Notice(userId, kind, messageKey, args, link));
        Instant now = clock.instant();
        Instant mailDue = mail.enabled() && store.wantingMail(Set.of(userId)).contains(userId) ? now : null;
        return store.insert(userId, kind, messageKey, text.encode(args), link, now, mailDue);
    }

    /** Notifies many users in one batch (a reminder run, a bulk warning). */
    @Transactional
    public void notifyAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        notices.forEach(Notifications::check);
        Instant now = clock.instant();
        Set<Long> mailed = mail.enabled() ? store.wantingMail(notices.stream().map(Notice::userId).distinct().toList()) : Set.of();
        List<Object[]> rows = new ArrayList<>(notices.size());
        Timestamp at = Timestamp.from(now);
        for (Notice n : notices) {
            rows.add(new Object[] {n.userId(), n.kind(), n.messageKey(), text.encode(n.args()), n.link(), at,
                    mailed.contains(n.userId()) ? at : null});
        }
        store.insertAll(rows);
    }

    /** The user's notifications, newest first, keyset-paged; only unread ones if asked. */
    public CursorPage<View> list(long userId, boolean unreadOnly, String cursor, int limit, Locale locale, ZoneId zone) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decode(cursor).id();
        List<NotificationStore.Row> rows = store.page(userId, unreadOnly, before, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(null, rows.get(limit - 1).id()).encode();
        }
        return new CursorPage<>(rows.stream().map(r -> view(r, locale, zone)).toList(), next);
    }

    /** Unread notifications of the user, counted up to 100 (the bell shows 99+ beyond). */
    public int unreadCount(long userId) {
        return store.countUnread(userId, BELL_CAP);
    }

    /** Marks one of the user's notifications read; another user's, or none, is not found. */
    @Transactional
    public void markRead(long userId, long id) {
        store.find(userId, id).orElseThrow(() -> new NotFoundException("notification", id));
        store.markRead(userId, id, clock.instant());
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(long userId) {
        return store.markAllRead(userId, clock.instant());
    }

    /** Marks the notification read and returns where it points (null when nowhere). */
    @Transactional
    public String open(long userId, long id) {
        NotificationStore.Row row = store.find(userId, id).orElseThrow(() -> new NotFoundException("notification", id));
        store.markRead(userId, id, clock.instant());
        return row.link();
    }

    private View view(NotificationStore.Row r, Locale locale, ZoneId zone) {
        return new View(r.id(), r.kind(), text.render(r.messageKey(), r.messageArgs(), locale, zone), r.link(), r.createdAt(),
                r.readAt(), r.messageKey(), text.decode(r.messageArgs()));
    }

    /** A caller's mistake, not a user's: the arguments come from code. */
    private static void check(Notice n) {
        if (n.kind() == null || n.kind().isBlank() || n.kind().length() > 50) {
            throw new IllegalArgumentException("kind must be 1-50 characters");
        }
        if (n.messageKey() == null || n.messageKey().isBlank() || n.messageKey().length() > 100) {
            throw new IllegalArgumentException("messageKey must be 1-100 characters");
        }
        // only paths inside Rapport: a link that leaves it ("//host", "https:") would make the inbox an open redirect
        if (n.link() != null && (!n.link().startsWith("/") || n.link().startsWith("//") || n.link().contains("\\")
                || n.link().length() > 500)) {
            throw new IllegalArgumentException("link must be a path inside Rapport");
        }
    }
}

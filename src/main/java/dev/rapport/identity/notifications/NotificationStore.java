package dev.rapport.identity.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes the notifications table: the inbox and its mail outbox. */
@Repository
public class NotificationStore {

    /** A notification as stored. */
    public record Row(long id, long userId, String kind, String messageKey, String messageArgs, String link,
                      Instant createdAt, Instant readAt) {
    }

    /** A notification waiting to be mailed, with what the mail needs to know about its reader. */
    public record MailRow(long id, String messageKey, String messageArgs, String link, int attempts, String email,
                          String language, String timeZone, boolean wanted) {
    }

    private static final String INSERT = """
            insert into notifications (user_id, kind, message_key, message_args, link, created_at, mail_due_at)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String SELECT = """
            select id, user_id, kind, message_key, message_args, link, created_at, read_at from notifications""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    NotificationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(long userId, String kind, String key, String args, String link, Instant now, Instant mailDue) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notifications (user_id, kind, message_key, message_args, link, created_at, mail_due_at)
                values (:u, :kind, :key, :args, :link, :now, :mail)""")
                .param("u", userId).param("kind", kind).param("key", key).param("args", args).param("link", link)
                .param("now", Timestamp.from(now)).param("mail", mailDue == null ? null : Timestamp.from(mailDue))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Rows of (user_id, kind, message_key, message_args, link, created_at, mail_due_at), in one batch. */
    public void insertAll(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(INSERT, rows);
        }
    }

    /** Of these users, the active ones who want reminders e-mailed. */
    public Set<Long> wantingMail(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from users where id in (:ids) and email_reminders = true and active = true")
                .param("ids", userIds).query(Long.class).list());
    }

    /** A user's notifications, newest first, keyset on id; only unread ones if asked. */
    public List<Row> page(long userId, boolean unreadOnly, long beforeId, int limit) {
        return jdbc.sql(SELECT + " where user_id = :u" + (unreadOnly ? " and read_at is null" : "")
                        + " and id < :before order by id desc limit :limit")
                .param("u", userId).param("before", beforeId).param("limit", limit)
                .query(NotificationStore::row).list();
    }

    public Optional<Row> find(long userId, long id) {
        return jdbc.sql(SELECT + " where id = :id and user_id = :u").param("id", id).param("u", userId)
                .query(NotificationStore::row).optional();
    }

    /** Unread notifications of a user, counted up to {@code cap}: the bell shows "99+" beyond, and stays cheap. */
    public int countUnread(long userId, int cap) {
        return jdbc.sql("select count(*) from (select 1 from notifications where user_id = :u and read_at is null limit :cap) x")
                .param("u", userId).param("cap", cap).query(Integer.class).single();
    }

    public int markRead(long userId, long id, Instant now) {
        return jdbc.sql("update notifications set read_at = :now where id = :id and user_id = :u and read_at is null")
                .param("now", Timestamp.from(now)).param("id", id).param("u", userId).update();
    }

    public int markAllRead(long userId, Instant now) {
        return jdbc.sql("update notifications set read_at = :now where user_id = :u and read_at is null")
                .param("now", Timestamp.from(now)).param("u", userId).update();
    }

    // ---- mail outbox

    /** Notifications whose mail is due, oldest first, with their reader. */
    public List<MailRow> dueMail(Instant now, int limit) {
        return jdbc.sql("""
                        select n.id, n.message_key, n.message_args, n.link, n.mail_attempts, u.email, u.locale, u.time_zone,
                               u.email_reminders and u.active as wanted
                        from notifications n join users u on u.id = n.user_id
                        where n.mail_due_at <= :now
                        order by n.mail_due_at, n.id
                        limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new MailRow(rs.getLong("id"), rs.getString("message_key"), rs.getString("message_args"),
                        rs.getString("link"), rs.getInt("mail_attempts"), rs.getString("email"), rs.getString("locale"),
                        rs.getString("time_zone"), rs.getBoolean("wanted")))
                .list();
    }

    /**
     * Takes the mails of these notifications for this node until {@code leaseUntil}; returns the
     * ids it got. Another node that read the same rows finds them no longer due and gets none, and
     * if this node dies before sending, the lease runs out and the mail is due again.
     */
    public List<Long> claimMail(List<Long> ids, Instant now, Instant leaseUntil) {
        List<Object[]> args = new ArrayList<>(ids.size());
        for (Long id : ids) {
            args.add(new Object[] {Timestamp.from(leaseUntil), id, Timestamp.from(now)});
        }
        int[] counts = template.batchUpdate("update notifications set mail_due_at = ? where id = ? and mail_due_at <= ?", args);
        List<Long> claimed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    public void mailSent(long id, Instant now) {
        jdbc.sql("update notifications set mailed_at = :now, mail_due_at = null where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Counts a failed attempt and sets when to try again; null gives up (or drops a mail nobody wants any more). */
    public void mailFailed(long id, Instant retryAt) {
        jdbc.sql("update notifications set mail_attempts = mail_attempts + 1, mail_due_at = :retry where id = :id")
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt)).param("id", id).update();
    }

    public void mailDropped(long id) {
        jdbc.sql("update notifications set mail_due_at = null where id = :id").param("id", id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("kind"), rs.getString("message_key"),
                rs.getString("message_args"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}

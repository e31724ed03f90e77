package dev.rapport.identity;

import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.UserRow;
import dev.rapport.identity.notifications.NotificationMail;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.TimeZones;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users set for themselves: the time zone their pages show times in, whether reminders also
 * reach them by e-mail, and the language those e-mails speak (the one they last used the UI in).
 */
@Service
public class AccountSettings {

    /** {@code language} is en or zh-CN, null while the user has not used the UI yet. */
    public record Settings(String timeZone, boolean emailReminders, String language) {
    }

    private final IdentityStore store;
    private final AuditLog audit;
    private final TimeZones zones;
    private final NotificationMail mail;

    AccountSettings(IdentityStore store, AuditLog audit, TimeZones zones, NotificationMail mail) {
        this.store = store;
        this.audit = audit;
        this.zones = zones;
        this.mail = mail;
    }

    /** Whether this server sends mail at all; without it "e-mail me reminders" has no effect yet. */
    public boolean mailAvailable() {
        return mail.enabled();
    }

    public Settings of(long userId) {
        UserRow u = store.user(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return new Settings(TimeZones.parse(u.timeZone()).orElse(zones.defaultZone()).getId(), u.emailReminders(), u.language());
    }

    /** Saves the user's own settings; an unknown time zone is refused naming the field. */
    @Transactional
    public void update(long userId, String timeZone, boolean emailReminders) {
        UserRow old = store.user(userId).orElseThrow(() -> new NotFoundException("user", userId));
        var errors = new InvalidInputException.Collector();
        String zone = TimeZones.check(timeZone, "timeZone", errors);
        errors.throwIfAny();
        store.updateSettings(userId, zone, emailReminders);
        audit.recordChanges("user", userId, "update", userId, List.of(new AuditLog.Change("time_zone", old.timeZone(), zone),
                new AuditLog.Change("email_reminders", old.emailReminders(), emailReminders)));
    }

    /**
     * Remembers the UI language the user works in (en or zh-CN). Not audited: it follows the
     * user's clicks on the language links rather than a decision about data.
     */
    @Transactional
    public void rememberLanguage(long userId, String language) {
        store.updateLanguage(userId, language);
    }
}

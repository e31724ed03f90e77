package dev.rapport.customers.web;

import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.Pool;
import dev.rapport.customers.Pools;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the customer pages share: the signed-in user, translated messages, and a few services. */
@Component
class PageSupport {

    private final UserManagement users;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ContactManagement contacts;
    private final Pools pools;

    PageSupport(UserManagement users, MessageSource messages, AuditLog audit, ContactManagement contacts, Pools pools) {
        this.users = users;
        this.messages = messages;
        this.audit = audit;
        this.contacts = contacts;
        this.pools = pools;
    }

    CurrentUser me() {
        return users.current();
    }

    UserManagement users() {
        return users;
    }

    AuditLog audit() {
        return audit;
    }

    ContactManagement contacts() {
        return contacts;
    }

    /** The enabled pools the user may release customers to (none without {@code customer:edit}). */
    List<Pool> releasePools(CurrentUser me) {
        return me.can("customer", "edit") ? pools.visible(me).stream().filter(Pool::enabled).toList() : List.of();
    }

    /** The zone the signed-in user reads times in. */
    java.time.ZoneId zone() {
        return users.currentZone();
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** A one-line translated summary of field errors, for flash messages. */
    String errorText(InvalidInputException e) {
        return e.errors().stream()
                .map(f -> msg("field." + f.field()) + ": " + msg(f.messageKey(), f.args().toArray()))
                .collect(Collectors.joining("; "));
    }
}

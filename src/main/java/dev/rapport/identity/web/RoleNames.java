package dev.rapport.identity.web;

import dev.rapport.identity.domain.IdentityStore;
import dev.rapport.identity.domain.RoleRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role names in the reader's language. The built-in roles are stored with their English names
 * (messages.properties {@code role.builtin.<key>}); while a built-in role keeps that name it is
 * shown translated (销售经理 in the Chinese UI), and once an administrator renames it, the chosen
 * name is shown in every language. Custom roles always show their own name.
 */
@Component
class RoleNames {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final MessageSource messages;
    private final IdentityStore store;

    RoleNames(MessageSource messages, IdentityStore store) {
        this.messages = messages;
        this.store = store;
    }

    /** The shown name of the role with this key (the key itself if there is no such role). */
    String ofKey(String key) {
        return store.roleByKey(key).map(this::of).orElse(key);
    }

    /** The name to show for a role in the current request's language. */
    String of(RoleRow role) {
        if (role.builtin() && role.name().equals(builtinName(role.key(), Locale.ENGLISH))) {
            return builtinName(role.key(), LocaleContextHolder.getLocale());
        }
        return role.name();
    }

    /** Shown names by role key, for pages that know users by their role key. */
    Map<String, String> byKey(List<RoleRow> roles) {
        Map<String, String> names = new LinkedHashMap<>();
        roles.forEach(r -> names.put(r.key(), of(r)));
        return names;
    }

    /**
     * The name to store when a role is saved with {@code name}. The role form shows a built-in
     * role's translated name; saving it unchanged (in any UI language) must not turn the translation
     * into a rename, so any translation of the built-in name is stored as the English original.
     */
    String toStore(RoleRow role, String name) {
        if (role.builtin() && name != null) {
            String trimmed = name.trim();
            for (Locale language : LANGUAGES) {
                if (trimmed.equals(builtinName(role.key(), language))) {
                    return builtinName(role.key(), Locale.ENGLISH);
                }
            }
        }
        return name;
    }

    private String builtinName(String key, Locale locale) {
        return messages.getMessage("role.builtin." + key, null, key, locale);
    }
}

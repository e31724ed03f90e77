package dev.rapport.identity.notifications;

import dev.rapport.platform.TimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A notification's words: stored as a message key with arguments, rendered when read, in the
 * reader's language, with instants in the reader's time zone. Arguments are kept as a JSON array;
 * an instant as {@code {"instant": "2026-11-22T01:00:00Z"}} so it can be told from a text.
 */
@Component
public class NotificationText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final JsonMapper json;
    private final TimeZones zones;

    NotificationText(MessageSource messages, JsonMapper json, TimeZones zones) {
        this.messages = messages;
        this.json = json;
        this.zones = zones;
    }

    /** The language a user's mail is written in: the UI language they last used, English before that. */
    public static Locale localeOf(String language) {
        return "zh-CN".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** A stored time zone setting, or the default for users who have none. */
    public ZoneId zoneOf(String timeZone) {
        return TimeZones.parse(timeZone).orElse(zones.defaultZone());
    }

    /** Texts, numbers and instants; anything else is kept as its text. */
    public String encode(List<?> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        ArrayNode array = json.createArrayNode();
        for (Object arg : args) {
            if (arg == null) {
                array.addNull();
            } else if (arg instanceof Instant instant) {
                array.addObject().put("instant", instant.toString());
            } else if (arg instanceof Long || arg instanceof Integer) {
                array.add(((Number) arg).longValue());
            } else if (arg instanceof java.math.BigDecimal n) {
                array.add(n);
            } else {
                array.add(String.valueOf(arg));
            }
        }
        return json.writeValueAsString(array);
    }

    public List<Object> decode(String encoded) {
        List<Object> out = new ArrayList<>();
        if (encoded == null || encoded.isBlank()) {
            return out;
        }
        for (JsonNode node : json.readTree(encoded)) {
            if (node.isObject() && node.has("instant")) {
                out.add(Instant.parse(node.get("instant").asString()));
            } else if (node.isNumber()) {
                out.add(node.numberValue());
            } else if (node.isNull()) {
                out.add(null);
            } else {
                out.add(node.asString());
            }
        }
        return out;
    }

    public String render(String messageKey, String encodedArgs, Locale locale, ZoneId zone) {
        List<Object> args = decode(encodedArgs);
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object arg = args.get(i);
            shown[i] = arg instanceof Instant instant ? DATE_TIME.format(instant.atZone(zone)) : arg == null ? "" : arg;
        }
        return messages.getMessage(messageKey, shown, messageKey, locale);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}

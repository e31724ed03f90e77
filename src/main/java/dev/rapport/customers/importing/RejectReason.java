package dev.rapport.customers.importing;

import dev.rapport.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Why a row was rejected, stored as message keys and arguments ("field|key|arg,arg;...") rather
 * than text, because the job runs without a user's locale and each reader of the report should
 * see it in their own language.
 */
final class RejectReason {

    private RejectReason() {
    }

    static String encode(List<InvalidInputException.FieldError> errors) {
        List<String> parts = new ArrayList<>();
        for (var e : errors) {
            List<String> args = e.args().stream().map(a -> String.valueOf(a).replaceAll("[|;,]", " ")).toList();
            parts.add(e.field() + "|" + e.messageKey() + "|" + String.join(",", args));
        }
        return String.join(";", parts);
    }

    static String encode(String field, String messageKey, Object... args) {
        return encode(List.of(new InvalidInputException.FieldError(field, messageKey, List.of(args))));
    }

    /** The reason in the reader's language, e.g. "E-mail: is not a valid e-mail address". */
    static String translate(String encoded, MessageSource messages, Locale locale) {
        List<String> out = new ArrayList<>();
        for (String part : encoded.split(";")) {
            String[] p = part.split("\\|", -1);
            if (p.length < 2) {
                out.add(part);
                continue;
            }
            Object[] args = p.length > 2 && !p[2].isEmpty() ? p[2].split(",") : new Object[0];
            String label = messages.getMessage("field." + p[0], null, p[0], locale);
            out.add(label + ": " + messages.getMessage(p[1], args, p[1], locale));
        }
        return String.join("; ", out);
    }
}

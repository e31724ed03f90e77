package dev.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position: the sort value and the id of the last row of a page. Encoded as URL-safe
 * base64 so a client treats it as opaque; a cursor that does not decode is a bad request.
 */
public record Cursor(String sortValue, long id) {

    public String encode() {
        String raw = id + ":" + (sortValue == null ? "" : sortValue);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new Cursor(raw.substring(colon + 1), Long.parseLong(raw.substring(0, colon)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "error.cursor.invalid");
        }
    }
}

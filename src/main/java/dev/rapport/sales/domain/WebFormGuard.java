package dev.rapport.sales.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Spam and forgery protection of public web forms, which take posts from people who are not
 * signed in and so cannot use the session's CSRF token. A post carries no session or cookie
 * authority, so a forged cross-site post can do no more than an anonymous one; what is left to stop
 * is automated abuse: (1) a signed form token, the time the form was served plus an HMAC-SHA256 of
 * it and the form key under the form's secret (in the database, shared by all nodes), valid for a
 * day: a post must come from a page we served recently; (2) a honeypot field people never see;
 * (3) the rate limit of {@link WebFormThrottle}.
 */
@Component
public class WebFormGuard {

    /** The hidden field a bot fills in; named like a real field so that bots do. */
    public static final String HONEYPOT = "website";
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    private final WebFormStore forms;
    private final WebFormThrottle throttle;
    private final Clock clock;

    WebFormGuard(WebFormStore forms, WebFormThrottle throttle, Clock clock) {
        this.forms = forms;
        this.throttle = throttle;
        this.clock = clock;
    }

    public String token(long formId, String formKey) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + sign(forms.signingKey(formId), formKey + "." + issued);
    }

    public boolean validToken(long formId, String formKey, String token) {
        if (token == null || !token.matches("\\d{1,12}\\.[A-Za-z0-9_-]{10,100}")) {
            return false;
        }
        long issued = Long.parseLong(token.substring(0, token.indexOf('.')));
        long age = clock.instant().getEpochSecond() - issued;
        if (age < 0 || age > TOKEN_LIFETIME.toSeconds()) {
            return false;
        }
        String expected = sign(forms.signingKey(formId), formKey + "." + issued);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean isBot(String honeypot) {
        return honeypot != null && !honeypot.isBlank();
    }

    public boolean withinRateLimit(long formId, String client) {
        return throttle.allow(formId, client == null ? "unknown" : client);
    }

    private static String sign(String hexKey, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

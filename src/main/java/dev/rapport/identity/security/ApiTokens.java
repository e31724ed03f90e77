package dev.rapport.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens. The token is shown once; only its SHA-256 is stored. A random 256-bit
 * token needs no slow hash: it cannot be guessed from its digest.
 */
@Service
public class ApiTokens {

    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public record Issued(long id, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Issued issue(long userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rap_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_tokens (user_id, name, token_hash, prefix, created_at) values (:u, :n, :h, :p, :now)")
                .param("u", userId).param("n", name == null || name.isBlank() ? "API" : name.trim())
                .param("h", sha256(token)).param("p", token.substring(0, 10)).param("now", Timestamp.from(clock.instant()))
                .update(keys, "id");
        return new Issued(keys.getKey().longValue(), token);
    }

    /** The e-mail of the token's user, if the token is valid, not revoked and the user active. */
    Optional<String> authenticate(String token) {
        var row = jdbc.sql("""
                select t.id, u.email, t.last_used_at from api_tokens t join users u on u.id = t.user_id
                where t.token_hash = :h and t.revoked_at is null and u.active = true""")
                .param("h", sha256(token))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3)}).optional();
        row.ifPresent(r -> {
            Timestamp last = (Timestamp) r[2];
            Instant now = clock.instant();
            // write "last used" at most once a minute, not on every call
            if (last == null || last.toInstant().isBefore(now.minus(Duration.ofMinutes(1)))) {
                jdbc.sql("update api_tokens set last_used_at = :now where id = :id").param("now", Timestamp.from(now)).param("id", r[0]).update();
            }
        });
        return row.map(r -> (String) r[1]);
    }

    public List<TokenInfo> list(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at from api_tokens where user_id = :u order by id desc")
                .param("u", userId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Revokes one of the user's own tokens; false when there is no such token. */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.sql("update api_tokens set revoked_at = :now where id = :id and user_id = :u and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("u", userId).update() == 1;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

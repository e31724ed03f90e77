package dev.rapport.identity.security;

import dev.rapport.identity.domain.DirectoryCache;
import dev.rapport.platform.CacheGenerations;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens. The token is shown once; only its SHA-256 is stored. A random 256-bit
 * token needs no slow hash: it cannot be guessed from its digest.
 *
 * <p>A node keeps the tokens it has seen accepted in memory, keyed by their digest, so an API call
 * costs no token query: the copy belongs to one state of the {@link CacheGenerations} counters of
 * the identity directory (a user deactivated or renamed) and of the tokens (a token revoked), and
 * is dropped as soon as either moves, on this node or any other, at the next request.
 */
@Service
public class ApiTokens {

    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public record Issued(long id, String token) {
    }

    /** The {@link CacheGenerations} kind that a revoked token moves. */
    static final String KIND = "api-tokens";
    /** Tokens kept per node; past this many, further tokens are checked in the database each time. */
    static final int KEPT = 10_000;
    private static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);

    private record Accepted(long tokenId, String email, Instant lastUsedWritten) {
    }

    /** The tokens accepted under one state of the two counters. */
    private record Known(long identity, long tokens, Map<String, Accepted> byDigest) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CacheGenerations generations;
    private volatile Known known = new Known(-1, -1, Map.of());

    ApiTokens(JdbcClient jdbc, Clock clock, CacheGenerations generations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.generations = generations;
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
        String digest = sha256(token);
        // the counters first: a copy is kept under the state read before the token was
        Known k = current();
        Accepted accepted = k.byDigest().get(digest);
        if (accepted == null) {
            var row = jdbc.sql("""
                    select t.id, u.email, t.last_used_at from api_tokens t join users u on u.id = t.user_id
                    where t.token_hash = :h and t.revoked_at is null and u.active = true""")
                    .param("h", digest)
                    .query((rs, n) -> new Accepted(rs.getLong(1), rs.getString(2),
                            rs.getTimestamp(3) == null ? Instant.EPOCH : rs.getTimestamp(3).toInstant()))
                    .optional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            accepted = row.get();
        }
        Instant now = clock.instant();
        // write "last used" at most once a minute, not on every call
        if (accepted.lastUsedWritten().isBefore(now.minus(LAST_USED_EVERY))) {
            jdbc.sql("update api_tokens set last_used_at = :now where id = :id").param("now", Timestamp.from(now))
                    .param("id", accepted.tokenId()).update();
            accepted = new Accepted(accepted.tokenId(), accepted.email(), now);
        }
        if (!generations.movedInThisTransaction() && (k.byDigest().containsKey(digest) || k.byDigest().size() < KEPT)) {
            k.byDigest().put(digest, accepted);
        }
        return Optional.of(accepted.email());
    }

    private Known current() {
        long identity = generations.current(DirectoryCache.KIND);
        long tokens = generations.current(KIND);
        Known k = known;
        if (k.identity() != identity || k.tokens() != tokens) {
            k = new Known(identity, tokens, new ConcurrentHashMap<>());
            known = k;
        }
        return k;
    }

    public List<TokenInfo> list(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at from api_tokens where user_id = :u order by id desc")
                .param("u", userId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Revokes one of the user's own tokens; false when there is no such token. Every node forgets the tokens it kept. */
    @Transactional
    public boolean revoke(long userId, long tokenId) {
        generations.bump(KIND);
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

package dev.rapport.identity.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Counts failed logins per e-mail in the database and locks the e-mail after too many. */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxFailures;
    private final Duration lock;

    LoginThrottle(JdbcClient jdbc, Clock clock, TransactionTemplate tx,
                  @Value("${rapport.login.max-failures:5}") int maxFailures,
                  @Value("${rapport.login.lock-minutes:15}") int lockMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    boolean isLocked(String email) {
        return jdbc.sql("select locked_until from login_failures where email = :e").param("e", email)
                .query(Timestamp.class).optional()
                .map(t -> t.toInstant().isAfter(clock.instant())).orElse(false);
    }

    void failed(String email) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            int n = jdbc.sql("update login_failures set failures = failures + 1, updated_at = :now where email = :e")
                    .param("now", Timestamp.from(now)).param("e", email).update();
            if (n == 0) {
                jdbc.sql("insert into login_failures (email, failures, updated_at) values (:e, 1, :now)")
                        .param("e", email).param("now", Timestamp.from(now)).update();
            }
            jdbc.sql("update login_failures set locked_until = :until, failures = 0 where email = :e and failures >= :max")
                    .param("until", Timestamp.from(now.plus(lock))).param("e", email).param("max", maxFailures).update();
        });
    }

    void succeeded(String email) {
        jdbc.sql("delete from login_failures where email = :e").param("e", email).update();
    }

    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}

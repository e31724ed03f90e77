package dev.rapport.sales.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limit of web form posts, per client address and per form, in fixed windows counted in the
 * table lead_form_hits so that every node sees the same counts. Each count commits on its own:
 * a refused or failed post still counts, and a failed insert (two nodes opening the same window at
 * once) cannot spoil the caller's transaction.
 */
@Component
public class WebFormThrottle {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration window;
    private final int perClient;
    private final int perForm;

    WebFormThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                    @Value("${rapport.web-forms.window:PT10M}") Duration window,
                    @Value("${rapport.web-forms.per-client:5}") int perClient,
                    @Value("${rapport.web-forms.per-form:200}") int perForm) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.window = window;
        this.perClient = perClient;
        this.perForm = perForm;
    }

    /** Counts this post and answers whether it is within both limits. */
    public boolean allow(long formId, String client) {
        Instant now = clock.instant();
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
        int clientHits = count(formId, client.length() > 100 ? client.substring(0, 100) : client, start);
        int formHits = count(formId, "*", start);
        return clientHits <= perClient && formHits <= perForm;
    }

    private int count(long formId, String client, Instant start) {
        Timestamp at = Timestamp.from(start);
        Integer hits = tx.execute(s -> increment(formId, client, at));
        if (hits == null) {
            try {
                hits = tx.execute(s -> {
                    jdbc.sql("insert into lead_form_hits (form_id, client_key, window_start, hits) values (:f, :c, :w, 1)")
                            .param("f", formId).param("c", client).param("w", at).update();
                    if ("*".equals(client)) {
                        // a form's first post of a window sweeps its windows older than a day
                        jdbc.sql("delete from lead_form_hits where form_id = :f and window_start < :old").param("f", formId)
                                .param("old", Timestamp.from(start.minus(Duration.ofDays(1)))).update();
                    }
                    return 1;
                });
            } catch (DuplicateKeyException e) {
                // another node opened the window first
                hits = tx.execute(s -> increment(formId, client, at));
            }
        }
        return hits == null ? Integer.MAX_VALUE : hits;
    }

    private Integer increment(long formId, String client, Timestamp at) {
        int n = jdbc.sql("update lead_form_hits set hits = hits + 1 where form_id = :f and client_key = :c and window_start = :w")
                .param("f", formId).param("c", client).param("w", at).update();
        if (n == 0) {
            return null;
        }
        return jdbc.sql("select hits from lead_form_hits where form_id = :f and client_key = :c and window_start = :w")
                .param("f", formId).param("c", client).param("w", at).query(Integer.class).single();
    }
}

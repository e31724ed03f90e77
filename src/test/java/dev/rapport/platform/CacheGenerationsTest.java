package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node's copy of some configuration is reused until the kind's counter moves, whoever moves it;
 * a request reads the counters once; a transaction that moved a counter never shares what it read.
 */
@SpringBootTest
class CacheGenerationsTest {

    @Autowired
    CacheGenerations generations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final String kind = "test-" + UUID.randomUUID().toString().substring(0, 8);

    private void movedByAnotherNode() {
        jdbc.sql("update cache_generations set generation = generation + 1 where name = :k").param("k", kind).update();
    }

    @Test
    void theCopyIsReusedUntilTheCounterMovesOnThisOrAnotherNode() {
        AtomicInteger loads = new AtomicInteger();
        CacheGenerations.Cached<Integer> cached = generations.cache(kind, loads::incrementAndGet);
        generations.bump(kind);

        assertThat(cached.get()).isEqualTo(1);
        assertThat(cached.get()).isEqualTo(1);

        movedByAnotherNode();
        assertThat(cached.get()).isEqualTo(2);
        assertThat(cached.get()).isEqualTo(2);

        generations.bump(kind);
        assertThat(cached.get()).isEqualTo(3);
        assertThat(loads).hasValue(3);
    }

    @Test
    void aRequestReadsTheCountersOnceButSeesItsOwnMove() throws Exception {
        generations.bump(kind);
        long[] start = new long[1];
        CacheGenerations.inRequest(() -> {
            start[0] = generations.current(kind);
            movedByAnotherNode();
            assertThat(generations.current(kind)).as("the request keeps the counters it read first").isEqualTo(start[0]);
            generations.bump(kind);
            assertThat(generations.current(kind)).as("its own move, on top of the other node's").isEqualTo(start[0] + 2);
        });
        CacheGenerations.inRequest(() -> {
            movedByAnotherNode();
            assertThat(generations.current(kind)).as("the next request reads them again").isEqualTo(start[0] + 3);
        });
        movedByAnotherNode();
        assertThat(generations.current(kind)).as("outside a request every look-up reads them").isEqualTo(start[0] + 4);
    }

    @Test
    void whatATransactionReadAfterMovingTheCounterIsNeverShared() {
        generations.bump(kind);
        long before = generations.current(kind);
        AtomicInteger loads = new AtomicInteger();
        CacheGenerations.Cached<Integer> cached = generations.cache(kind, loads::incrementAndGet);
        assertThat(cached.get()).isEqualTo(1);

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            generations.bump(kind);
            assertThat(generations.movedInThisTransaction()).isTrue();
            assertThat(generations.current(kind)).isEqualTo(before + 1);
            assertThat(cached.get()).as("read again for the transaction's own change").isEqualTo(2);
            assertThat(cached.get()).as("and again: not kept").isEqualTo(3);
            tx.setRollbackOnly();
        });

        assertThat(generations.movedInThisTransaction()).isFalse();
        assertThat(generations.current(kind)).as("the move rolled back").isEqualTo(before);
        assertThat(cached.get()).as("the copy from before the transaction").isEqualTo(1);
    }
}

package dev.rapport.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportingLinesTest {

    @Test
    void refusesALineThatClosesALoopThroughOthers() {
        Map<Long, Long> managerOf = new HashMap<>();
        managerOf.put(2L, 1L);
        managerOf.put(3L, 2L);
        managerOf.put(4L, 3L);
        ReportingLines lines = new ReportingLines(managerOf);
        assertThat(lines.wouldCycle(1, 4)).isTrue();
        assertThat(lines.wouldCycle(2, 3)).isTrue();
        assertThat(lines.wouldCycle(4, 1)).as("reporting higher up is fine").isFalse();
        assertThat(lines.wouldCycle(1, 5)).isFalse();
        assertThat(lines.wouldCycle(7, 7)).isTrue();
    }

    @Test
    void stopsOnLinesThatAreAlreadyBroken() {
        ReportingLines lines = new ReportingLines(Map.of(1L, 2L, 2L, 1L));
        assertThat(lines.wouldCycle(5, 1)).isFalse();
    }
}

package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmitLogTest {

    @Test
    void takeReturnsAndForgets() {
        EmitLog log = new EmitLog(10, true);
        EmitLog.Times t = log.open("chatcmpl-1");
        for (int i = 0; i < 40; i++) {
            t.add(1000 + i);
        }
        assertThat(log.peek("chatcmpl-1")).hasSize(40).startsWith(1000L, 1001L);
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.take("chatcmpl-1")).hasSize(40).endsWith(1039L);
        assertThat(log.take("chatcmpl-1")).isNull();
        assertThat(log.size()).isZero();
    }

    @Test
    void dropsTheOldestBeyondCapacity() {
        EmitLog log = new EmitLog(3, true);
        for (int i = 1; i <= 5; i++) {
            log.open("cmpl-" + i).add(i);
        }
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.peek("cmpl-1")).isNull();
        assertThat(log.peek("cmpl-5")).containsExactly(5L);
    }

    @Test
    void disabledLogRecordsNothing() {
        EmitLog log = new EmitLog(3, false);
        assertThat(log.open("x")).isNull();
        assertThat(log.size()).isZero();
        assertThat(log.isEnabled()).isFalse();
    }
}

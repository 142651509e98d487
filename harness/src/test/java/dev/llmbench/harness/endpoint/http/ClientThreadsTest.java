package dev.llmbench.harness.endpoint.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ClientThreadsTest {

    @Test
    void anIoThreadThatDiesIsReportedWithItsNameAndCause() throws InterruptedException {
        List<String> told = new CopyOnWriteArrayList<>();
        ClientThreads threads = new ClientThreads(told::add);
        Thread io = threads.ioThreadFactory().newThread(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        io.start();
        io.join(10_000);

        String expected = "client I/O thread llmbench-io-1 died: java.lang.OutOfMemoryError: Java heap space";
        assertThat(threads.ioThreadDeath()).isEqualTo(expected);
        assertThat(told).containsExactly(expected);
    }

    @Test
    void threadsThatEndNormallyAreNoFault() throws InterruptedException {
        ClientThreads threads = new ClientThreads();
        Thread io = threads.ioThreadFactory().newThread(() -> { });
        io.start();
        io.join(10_000);
        assertThat(threads.ioThreadDeath()).isNull();
    }
}

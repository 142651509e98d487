package dev.llmbench.harness.endpoint;

import dev.llmbench.harness.metrics.RequestTimeline;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test helper: a timeline that can be awaited. */
final class RecordingListener implements StreamListener {
    final RequestTimeline timeline = new RequestTimeline(0, false, System.nanoTime(), -1);
    private final CountDownLatch ended = new CountDownLatch(1);
    volatile int endings;

    @Override public void sent(long nanos) { timeline.sent(nanos); }
    @Override public void headers(long nanos, int status, Map<String, String> headers) { timeline.headers(nanos, status, headers); }
    @Override public void chunk(long nanos, CharSequence text, ChunkKind kind, String id) { timeline.chunk(nanos, text, kind, id); }
    @Override public void usage(int in, int out, int cached) { timeline.usage(in, out, cached); }
    @Override public void missingFinalEvent() { timeline.missingFinalEvent(); }
    @Override public void done(long nanos) { timeline.done(nanos); endings++; ended.countDown(); }
    @Override public void failed(long nanos, Failure f) { timeline.failed(nanos, f); endings++; ended.countDown(); }

    RequestTimeline await() throws InterruptedException {
        if (!ended.await(30, TimeUnit.SECONDS)) throw new AssertionError("request did not end within 30 s");
        return timeline;
    }
}

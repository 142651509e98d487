// Over 400 lines: every figure of a run is recorded by one single-writer object so that one snapshot sees them all consistently.
package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Records completed {@link RequestTimeline}s into histograms, counts, token totals and a per-second time series.
 *
 * <p><b>What enters what.</b> Warmup timelines are only counted ({@link Counts#warmup()}). Of the measured ones,
 * successful requests feed every histogram (a metric that is undefined for a request, e.g. TPOT for N &lt; 2, is
 * simply not recorded for it); failed requests are counted by {@link FailureKind}, and every failure except
 * {@link FailureKind#CANCELLED} (requests the run itself cut off) — errors and rate-limited requests alike — enters
 * the per-request latency summaries (ttft, ttfo, e2e, tpot) as +infinity through {@link Summary#failedCount()}
 * (error-adjusted percentiles). Per-token and rate metrics (itl, queue_delay, output_speed, request_throughput) carry
 * no failures. A timeline still in flight when recorded counts as cancelled. Token totals and system throughput
 * cover the successful measured requests, and so do the token reconciliation ({@link TokenReconciliation}: usage,
 * local tokenizer and chunk counts side by side) and the output length got against the length requested
 * ({@link OutputLength}); the time series' in-flight count and the fidelity figures cover every measured request.
 *
 * <p><b>Histograms</b> (HdrHistogram, 3 significant digits, auto-resizing so hours fit): latencies in microseconds
 * (nanoseconds rounded to the nearest microsecond) — {@code ttft, ttfo, e2e, tpot, itl, queue_delay} — and rates in
 * millitokens per second (tokens/s × 1000, rounded) — {@code output_speed, request_throughput}.
 *
 * <p><b>Thread-safety.</b> {@link #record} is meant to be called from one thread (the harness's decoder thread);
 * {@link #snapshot()} and {@link #clientIoBusy(Double)} may be called from any thread at any time, e.g. at the end
 * of the run from the thread that writes results. {@code record} and {@code snapshot} synchronise on this recorder
 * (an uncontended lock per request, not per chunk), so a snapshot always sees whole requests; the snapshot is an
 * immutable copy.
 */
public final class MetricsRecorder {

    /** The name of every metric summarised in {@link Measurements#metrics()}: the registry's distribution metrics, in order. */
    public static final List<String> METRIC_NAMES = MetricName.distributionIds();
    /** Above this client I/O busy fraction a warning is added. */
    public static final double IO_BUSY_WARNING_THRESHOLD = 0.70;
    /** Distinct example messages kept per failure kind. */
    public static final int EXAMPLES_PER_KIND = 3;
    /** {@code Retry-After} values kept. */
    public static final int MAX_RETRY_AFTER_VALUES = 50;
    /** Time-series seconds kept (31 days); activity later than that is left out of the series only. */
    public static final int MAX_SECONDS = 31 * 24 * 3600;

    private static final int DIGITS = 3;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long runStartNanos;
    private final Instant runStartWallClock;

    private final Histogram ttftMicros = new Histogram(DIGITS);
    private final Histogram ttfoMicros = new Histogram(DIGITS);
    private final Histogram e2eMicros = new Histogram(DIGITS);
    private final Histogram tpotMicros = new Histogram(DIGITS);
    private final Histogram itlMicros = new Histogram(DIGITS);
    private final Histogram queueDelayMicros = new Histogram(DIGITS);
    private final Histogram outputSpeedMilliTokensPerSecond = new Histogram(DIGITS);
    private final Histogram requestThroughputMilliTokensPerSecond = new Histogram(DIGITS);
    private final LongConsumer itlSink = nanos -> itlMicros.recordValue(micros(nanos));

    private long succeeded;
    private long missingDone;
    private long reconnects;
    private long warmup;
    private final EnumMap<FailureKind, Long> failedByKind = new EnumMap<>(FailureKind.class);

    private long inputTokens;
    private long outputTokens;
    private long cachedTokens;
    private long cacheWriteTokens;
    private final EnumMap<TokenSource, Long> outputSources = new EnumMap<>(TokenSource.class);
    private final EnumMap<TokenSource, Long> inputSources = new EnumMap<>(TokenSource.class);
    private long inputUnknown;
    // reconciliation and output length
    private long usageRequests, usageTokens, tokenizerRequests, tokenizerTokens, successChunks;
    private long comparedRequests, comparedUsage, comparedDifference;
    private long lengthRequests, lengthRequested, lengthActual, lengthShort;

    private long windowStartNanos = Long.MAX_VALUE;
    private long windowEndNanos = Long.MIN_VALUE;

    private long outputChunks;
    private long coalescedChunks;
    private volatile Double clientIoBusy;
    private volatile Long clientCpuNanos;
    private volatile RateLimits.Backoff backoff;

    private final EnumMap<FailureKind, List<String>> examples = new EnumMap<>(FailureKind.class);
    private long status429;
    private long status503;
    private long retryAfterCount;
    private final List<Long> retryAfterMillis = new ArrayList<>();
    private Map<String, String> lastRateLimitHeaders = Map.of();

    // time series, indexed by second since the run start
    private long[] completions = new long[64];
    private long[] failures = new long[64];
    private long[] tokensPerSecond = new long[64];
    private long[] inFlightDelta = new long[64];
    private long[][] ttftSamples = new long[64][];
    private int[] ttftCounts = new int[64];
    private int lastSecond = -1;

    /**
     * @param runStartNanos {@link System#nanoTime()} at the run start: second 0 of the time series
     * @param runStartWallClock the wall-clock time of {@code runStartNanos}
     */
    public MetricsRecorder(long runStartNanos, Instant runStartWallClock) {
        this.runStartNanos = runStartNanos;
        this.runStartWallClock = java.util.Objects.requireNonNull(runStartWallClock, "runStartWallClock");
    }

    /** The run started at {@code runStartNanos} ({@link System#nanoTime()}); its wall-clock time is derived from now. */
    public MetricsRecorder(long runStartNanos) {
        this(runStartNanos, Instant.now().minusNanos(System.nanoTime() - runStartNanos));
    }

    /** The wall-clock time of a {@link System#nanoTime()} value of this run. */
    public Instant wallClock(long nanos) {
        return runStartWallClock.plusNanos(nanos - runStartNanos);
    }

    /**
     * The fraction (0–1) of the run the client I/O threads were busy, measured by the endpoint; null: unknown (e.g. an
     * I/O thread died and took its CPU reading with it). Never throws: a value a little outside [0, 1] is measurement
     * noise and is clamped, a non-finite one is unknown ({@link Fidelity#busyFraction}). Above
     * {@link #IO_BUSY_WARNING_THRESHOLD} the snapshot carries a warning. Any thread.
     */
    public void clientIoBusy(Double fraction) {
        clientIoBusy = fraction == null ? null : Fidelity.busyFraction(fraction);
    }

    /**
     * CPU time in nanoseconds the client's threads used during the run, measured by the endpoint; a negative reading
     * (a thread ended and its CPU time went with it) is unknown, not an error. Any thread.
     */
    public void clientCpuNanos(long nanos) {
        clientCpuNanos = nanos < 0 ? null : nanos;
    }

    /**
     * The time the load runner held back after rate-limited requests (only when backoff was on; otherwise the
     * snapshot's {@link RateLimits#backoff()} stays null). Any thread.
     */
    public void backoff(long pauses, long nanos) {
        backoff = new RateLimits.Backoff(pauses, Math.round(Math.max(0, nanos) / 1e6));
    }

    /** Records one finished request. Call from one thread (the decoder thread); see the class comment. */
    public synchronized void record(RequestTimeline t) {
        if (t.warmup()) {
            warmup++;
            return;
        }
        long start = t.intendedStartNanos();
        windowStartNanos = Math.min(windowStartNanos, start);
        if (t.endNanos() >= 0) windowEndNanos = Math.max(windowEndNanos, t.endNanos());

        outputChunks += t.chunkCount();
        coalescedChunks += RequestMetrics.coalescedChunks(t);
        if (t.httpStatus() == 429) status429++;
        if (t.httpStatus() == 503) status503++;
        Map<String, String> rl = rateLimitHeaders(t.rateLimitHeaders());
        if (!rl.isEmpty()) lastRateLimitHeaders = rl;
        inFlight(t);
        if (t.reconnected()) reconnects++;

        if (t.outcome() == RequestTimeline.Outcome.SUCCESS) {
            recordSuccess(t);
        } else {
            Failure f = t.failure();
            FailureKind kind = f == null ? FailureKind.CANCELLED : f.kind();
            failedByKind.merge(kind, 1L, Long::sum);
            if (f != null) {
                List<String> ex = examples.computeIfAbsent(kind, k -> new ArrayList<>());
                if (ex.size() < EXAMPLES_PER_KIND && !ex.contains(f.message())) ex.add(f.message());
                if (f.retryAfterMillis() >= 0) {
                    retryAfterCount++;
                    if (retryAfterMillis.size() < MAX_RETRY_AFTER_VALUES) retryAfterMillis.add(f.retryAfterMillis());
                }
            }
            if (t.endNanos() >= 0) {
                int s = second(t.endNanos());
                if (s >= 0) failures[s]++;
            }
        }
    }

    private void recordSuccess(RequestTimeline t) {
        succeeded++;
        if (t.endedWithoutFinalEvent()) missingDone++;
        long ttft = RequestMetrics.ttftNanos(t);
        long ttfo = RequestMetrics.ttfoNanos(t);
        long e2e = RequestMetrics.e2eNanos(t);
        long tpot = RequestMetrics.tpotNanos(t);
        if (ttft >= 0) ttftMicros.recordValue(micros(ttft));
        if (ttfo >= 0) ttfoMicros.recordValue(micros(ttfo));
        if (e2e >= 0) e2eMicros.recordValue(micros(e2e));
        if (tpot >= 0) tpotMicros.recordValue(micros(tpot));
        queueDelayMicros.recordValue(micros(RequestMetrics.queueDelayNanos(t)));
        RequestMetrics.interTokenLatencies(t, itlSink);
        double speed = RequestMetrics.outputSpeedTokensPerSecond(t);
        if (Double.isFinite(speed)) outputSpeedMilliTokensPerSecond.recordValue(Math.round(speed * 1000));
        double throughput = RequestMetrics.requestThroughputTokensPerSecond(t);
        if (Double.isFinite(throughput)) requestThroughputMilliTokensPerSecond.recordValue(Math.round(throughput * 1000));

        int n = t.outputTokens();
        outputTokens += n;
        outputSources.merge(t.outputTokenSource(), 1L, Long::sum);
        if (t.usageInputTokens() >= 0) {
            inputTokens += t.usageInputTokens();
            inputSources.merge(TokenSource.USAGE, 1L, Long::sum);
        } else if (t.promptTokens() >= 0) {
            inputTokens += t.promptTokens();
            inputSources.merge(TokenSource.TOKENIZER, 1L, Long::sum);
        } else {
            inputUnknown++;
        }
        if (t.usageCachedTokens() > 0) cachedTokens += t.usageCachedTokens();
        if (t.usageCacheWriteTokens() > 0) cacheWriteTokens += t.usageCacheWriteTokens();
        reconcile(t, n);

        // time series
        if (t.endNanos() >= 0) {
            int s = second(t.endNanos());
            if (s >= 0) completions[s]++;
        }
        int c = t.chunkCount();
        if (c == 0) {
            if (t.endNanos() >= 0 && n > 0) {
                int s = second(t.endNanos());
                if (s >= 0) tokensPerSecond[s] += n;
            }
        } else {
            int[] perChunk = RequestMetrics.tokensPerChunkOrNull(t);
            for (int i = 0; i < c; i++) {
                int s = second(t.chunkNanos(i));
                if (s >= 0) tokensPerSecond[s] += perChunk == null ? 1 : perChunk[i];
            }
        }
        if (ttft >= 0) {
            int s = second(t.firstTokenNanos());
            if (s >= 0) {
                long[] samples = ttftSamples[s];
                if (samples == null) samples = ttftSamples[s] = new long[4];
                if (ttftCounts[s] == samples.length) samples = ttftSamples[s] = Arrays.copyOf(samples, samples.length * 2);
                samples[ttftCounts[s]++] = micros(ttft);
            }
        }
    }

    private void reconcile(RequestTimeline t, int n) {
        successChunks += t.chunkCount();
        int usage = t.usageOutputTokens();
        int local = t.tokenizerOutputTokens();
        if (usage >= 0) {
            usageRequests++;
            usageTokens += usage;
        }
        if (local >= 0) {
            tokenizerRequests++;
            tokenizerTokens += local;
        }
        if (usage >= 0 && local >= 0) {
            comparedRequests++;
            comparedUsage += usage;
            comparedDifference += Math.abs((long) local - usage);
        }
        int requested = t.requestedOutputTokens();
        if (requested > 0) {
            lengthRequests++;
            lengthRequested += requested;
            lengthActual += n;
            if (n < requested) lengthShort++;
        }
    }

    private void inFlight(RequestTimeline t) {
        if (t.endNanos() < 0) return;
        long start = t.sentNanos() >= 0 ? t.sentNanos() : t.intendedStartNanos();
        long from = Math.max(0, Math.floorDiv(start - runStartNanos, NANOS_PER_SECOND));
        // in flight at the end E_s of second s while end > E_s; the first s with end <= E_s:
        long to = -Math.floorDiv(-(t.endNanos() - runStartNanos), NANOS_PER_SECOND) - 1;
        if (to <= from || from >= MAX_SECONDS) return;
        int f = (int) from;
        ensure(f);
        inFlightDelta[f]++;
        if (to < MAX_SECONDS) {
            int e = (int) to;
            ensure(e);
            inFlightDelta[e]--;
        }
    }

    /** The time-series index of {@code nanos} (clamped to 0 before the run start), or -1 beyond {@link #MAX_SECONDS}. */
    private int second(long nanos) {
        long s = Math.max(0, Math.floorDiv(nanos - runStartNanos, NANOS_PER_SECOND));
        if (s >= MAX_SECONDS) return -1;
        ensure((int) s);
        return (int) s;
    }

    private void ensure(int s) {
        if (s >= completions.length) {
            int len = Math.max(s + 1, completions.length * 2);
            completions = Arrays.copyOf(completions, len);
            failures = Arrays.copyOf(failures, len);
            tokensPerSecond = Arrays.copyOf(tokensPerSecond, len);
            inFlightDelta = Arrays.copyOf(inFlightDelta, len);
            ttftSamples = Arrays.copyOf(ttftSamples, len);
            ttftCounts = Arrays.copyOf(ttftCounts, len);
        }
        lastSecond = Math.max(lastSecond, s);
    }

    /** An immutable copy of everything recorded so far. Any thread. */
    public synchronized Measurements snapshot() {
        Counts counts = new Counts(succeeded, failedByKind, warmup, missingDone, reconnects);
        long inf = counts.failuresCountedAsInfinite();
        Map<String, Summary> metrics = new LinkedHashMap<>();
        for (MetricName m : MetricName.distributions()) {
            // Failed requests enter the per-request latencies as +infinity; per-token and rate metrics carry none.
            long failed = switch (m) {
                case TTFT, TTFO, E2E, TPOT -> inf;
                default -> 0;
            };
            metrics.put(m.id(), Summary.of(histogram(m), failed,
                    m.unit() == MetricUnit.MICROSECONDS ? Summary.MICROSECONDS : Summary.MILLITOKENS_PER_SECOND));
        }

        TokenTotals tokens = new TokenTotals(inputTokens, outputTokens, cachedTokens, outputSources, inputSources, inputUnknown,
                new TokenReconciliation(usageRequests, usageTokens, tokenizerRequests, tokenizerTokens, successChunks,
                        comparedRequests, comparedUsage, comparedDifference),
                new OutputLength(lengthRequests, lengthRequested, lengthActual, lengthShort), cacheWriteTokens);
        Instant ws = windowStartNanos == Long.MAX_VALUE ? null : wallClock(windowStartNanos);
        Instant we = windowEndNanos == Long.MIN_VALUE ? null : wallClock(Math.max(windowEndNanos, windowStartNanos));
        SystemThroughput throughput = SystemThroughput.of(ws, we, counts, tokens);

        List<TimeSeries.Point> points = new ArrayList<>(lastSecond + 1);
        long inFlightNow = 0;
        for (int s = 0; s <= lastSecond; s++) {
            inFlightNow += inFlightDelta[s];
            int n = ttftCounts[s];
            Long p50 = null;
            if (n > 0) {
                long[] sorted = Arrays.copyOf(ttftSamples[s], n);
                Arrays.sort(sorted);
                p50 = NearestRank.ofSorted(sorted, n, 50);
            }
            points.add(new TimeSeries.Point(s, completions[s], failures[s], tokensPerSecond[s], inFlightNow, n, p50));
        }
        TimeSeries series = new TimeSeries(runStartWallClock, points);

        Double busy = clientIoBusy;
        Fidelity fidelity = new Fidelity(outputChunks, coalescedChunks, busy, clientCpuNanos);
        List<String> warnings = new ArrayList<>();
        if (busy != null && busy > IO_BUSY_WARNING_THRESHOLD) warnings.add(ioBusyWarning(busy));
        if (missingDone > 0) warnings.add(missingDoneWarning(missingDone));

        RateLimits rateLimits = new RateLimits(status429, status503, retryAfterCount, retryAfterMillis, lastRateLimitHeaders, backoff);
        return new Measurements(counts, tokens, metrics, throughput, series, fidelity, examples, rateLimits, warnings);
    }

    private Histogram histogram(MetricName m) {
        return switch (m) {
            case TTFT -> ttftMicros;
            case TTFO -> ttfoMicros;
            case TPOT -> tpotMicros;
            case ITL -> itlMicros;
            case E2E -> e2eMicros;
            case QUEUE_DELAY -> queueDelayMicros;
            case OUTPUT_SPEED -> outputSpeedMilliTokensPerSecond;
            case REQUEST_THROUGHPUT -> requestThroughputMilliTokensPerSecond;
            default -> throw new IllegalArgumentException(m + " is not recorded per request");
        };
    }

    /** The warning text for a client I/O busy fraction above {@link #IO_BUSY_WARNING_THRESHOLD}. */
    public static String ioBusyWarning(double busy) {
        return String.format(Locale.ROOT,
                "client I/O threads were busy %.0f%% of the run: the load generator may have been the bottleneck", busy * 100);
    }

    /** The warning text for succeeded streams that ended without their final event. */
    public static String missingDoneWarning(long streams) {
        return streams + " stream(s) ended without data: [DONE] after a complete answer (finish_reason and usage);"
                + " counted as succeeded (counts.missing_done); llmbench.strictSse=true fails them instead";
    }

    /** The run start as given to the constructor. */
    public long runStartNanos() {
        return runStartNanos;
    }

    /** The wall-clock time of the run start. */
    public Instant runStartWallClock() {
        return runStartWallClock;
    }

    private static Map<String, String> rateLimitHeaders(Map<String, String> headers) {
        if (headers.isEmpty()) return Map.of();
        boolean any = false;
        for (String k : headers.keySet()) {
            if (k.regionMatches(true, 0, "x-ratelimit-", 0, 12)) {
                any = true;
                break;
            }
        }
        if (!any) return Map.of();
        TreeMap<String, String> rl = new TreeMap<>();
        headers.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.startsWith("x-ratelimit-") && v != null) rl.put(key, v);
        });
        return rl;
    }

    /** Nanoseconds to microseconds, rounded to the nearest; negative values become 0. */
    static long micros(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 500) / 1000;
    }
}

package dev.llmbench.harness.slo;

import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The SLOs of one benchmark: evaluates them together and decides, request by request, which requests count toward
 * goodput.
 *
 * <p><b>Goodput</b> (DESIGN.md: requests/s that met every SLO) follows DistServe and vLLM's {@code bench serve
 * --goodput}: a measured request is <em>good</em> when it succeeded and, for every {@linkplain Objective#perRequest()
 * per-request} SLO of the set (ttft, ttfo, tpot, itl, e2e, queue_delay, output_speed, request_throughput; not
 * stddev), its own value meets that SLO's
 * limit (see {@link Objective#admits} for the exact rule, including itl). Run-level SLOs (error_rate, rate_limited_rate,
 * output_throughput, request_rate, goodput, cost) do not judge single requests. Goodput is good requests / seconds of
 * the measured window ({@link dev.llmbench.harness.metrics.SystemThroughput#windowSeconds()}); with no per-request
 * SLO in the set every successful measured request is good. Count it with {@link #goodputCounter()} while the run
 * goes (the {@link dev.llmbench.harness.Benchmark} does this when SLOs are set).
 *
 * <p>Immutable and thread-safe.
 */
public final class SloSet {

    private static final SloSet EMPTY = new SloSet(List.of());

    private final List<Objective> slos;
    private final List<Objective> perRequest;

    private SloSet(List<Objective> slos) {
        this.slos = List.copyOf(slos);
        List<Objective> pr = new ArrayList<>();
        for (Objective s : this.slos) if (s.perRequest()) pr.add(s);
        this.perRequest = List.copyOf(pr);
    }

    /** Parses every expression, in order. @throws SloSyntaxException at the first malformed one */
    public static SloSet parse(String... expressions) {
        return parse(Arrays.asList(expressions));
    }

    /** Parses every expression, in order. @throws SloSyntaxException at the first malformed one */
    public static SloSet parse(Collection<String> expressions) {
        Objects.requireNonNull(expressions, "expressions");
        List<Objective> l = new ArrayList<>(expressions.size());
        for (String e : expressions) l.add(Objective.parse(e));
        return new SloSet(l);
    }

    /** A set of already parsed SLOs. */
    public static SloSet of(Collection<Objective> slos) {
        for (Objective s : slos) Objects.requireNonNull(s, "slo");
        return new SloSet(new ArrayList<>(slos));
    }

    /** No SLOs. */
    public static SloSet empty() {
        return EMPTY;
    }

    /** The SLOs, in the order given. */
    public List<Objective> slos() {
        return slos;
    }

    public boolean isEmpty() {
        return slos.isEmpty();
    }

    public int size() {
        return slos.size();
    }

    /**
     * Whether this request is good (counts toward goodput): it succeeded and meets every per-request SLO of the set.
     * Says nothing about warmup: the caller excludes warmup requests ({@link #goodputCounter()} does).
     */
    public boolean admits(RequestTimeline t) {
        if (t.outcome() != RequestTimeline.Outcome.SUCCESS) return false;
        for (Objective s : perRequest) if (!s.admits(t)) return false;
        return true;
    }

    /** One verdict per SLO, in order. */
    public List<SloVerdict> evaluate(BenchmarkResult result) {
        List<SloVerdict> v = new ArrayList<>(slos.size());
        for (Objective s : slos) v.add(s.evaluate(result));
        return List.copyOf(v);
    }

    /** Whether every verdict passed (true for no verdicts). */
    public static boolean allPassed(List<SloVerdict> verdicts) {
        for (SloVerdict v : verdicts) if (!v.passed()) return false;
        return true;
    }

    /** A new counter of good measured requests, to be fed every ended request. */
    public GoodputCounter goodputCounter() {
        return new GoodputCounter(this);
    }

    /** The expressions. */
    @Override
    public String toString() {
        List<String> e = new ArrayList<>();
        for (Objective s : slos) e.add(s.expression());
        return e.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SloSet && ((SloSet) o).slos.equals(slos);
    }

    @Override
    public int hashCode() {
        return slos.hashCode();
    }
}

package dev.llmbench.harness.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Per-second activity of the measured requests, second 0 starting at the run start.
 *
 * @param start  wall-clock time of the start of second 0 (the run start)
 * @param points one point per second from 0 to the last second with activity, gaps included
 */
public record TimeSeries(Instant start, List<Point> points) {

    public TimeSeries {
        points = List.copyOf(points);
    }

    /**
     * One second [start + second, start + second + 1s).
     *
     * @param second        seconds since {@link #start()}
     * @param completions   successful requests that ended in this second
     * @param failures      failed requests that ended in this second
     * @param outputTokens  output tokens of successful requests that arrived in this second (by chunk arrival)
     * @param inFlight      requests in flight at the end of this second (from their send, or t0 when never sent,
     *                      to their end)
     * @param ttftCount     successful requests whose first output chunk arrived in this second
     * @param ttftP50Micros median TTFT of those requests in microseconds (nearest rank, exact), null when none
     */
    public record Point(long second, long completions, long failures, long outputTokens, long inFlight,
                        long ttftCount, Long ttftP50Micros) {
    }
}

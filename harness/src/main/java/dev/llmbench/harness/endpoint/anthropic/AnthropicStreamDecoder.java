package dev.llmbench.harness.endpoint.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamListener;

import java.io.IOException;

/**
 * Decodes one Anthropic Messages response: the SSE events {@code message_start}, {@code content_block_start},
 * {@code content_block_delta}, {@code content_block_stop}, {@code message_delta}, {@code message_stop}, {@code ping},
 * {@code error} (unknown event types are ignored, as Anthropic asks of clients), or one Message body.
 *
 * <p>Output: {@code text_delta} is {@link ChunkKind#CONTENT}, {@code thinking_delta} is {@link ChunkKind#REASONING},
 * {@code input_json_delta} (and a {@code tool_use} block's name) is {@link ChunkKind#TOOL_CALL}; signatures carry no
 * output. So TTFT is the first text or thinking delta, TTFO the first text delta.
 *
 * <p>Usage: {@code message_start} gives the input side (its {@code output_tokens} is a placeholder and is not
 * reported); every {@code message_delta}'s usage is cumulative, so each field it carries replaces the last value, never
 * adds to it. Anthropic's {@code input_tokens} excludes cached tokens: the listener gets input = {@code input_tokens +
 * cache_creation_input_tokens + cache_read_input_tokens}, cached = {@code cache_read_input_tokens}, and
 * {@link StreamListener#cacheWrite} = {@code cache_creation_input_tokens}.
 *
 * <p>An {@code error} event fails the request with the server's text ({@code rate_limit_error} and
 * {@code overloaded_error} as {@link FailureKind#RATE_LIMITED}, others as {@link FailureKind#PROTOCOL_ERROR}). Runs on
 * the decoder thread only; the extractor and its scratch event are per-thread and reused.
 */
final class AnthropicStreamDecoder implements StreamDecoder {

    private static final ThreadLocal<AnthropicEventExtractor> EXTRACTOR = ThreadLocal.withInitial(AnthropicEventExtractor::new);
    private static final ThreadLocal<AnthropicEvent> EVENT = ThreadLocal.withInitial(AnthropicEvent::new);

    private String messageId;
    private int input = -1, output = -1, cacheWrite = -1, cacheRead = -1;
    private boolean sawStopReason;
    private boolean sawDeltaUsage;

    @Override
    public Next onEvent(long nanos, String eventType, byte[] data, StreamListener listener) throws ProtocolException {
        AnthropicEvent e = extract(data, "event");
        String type = e.type != null ? e.type : eventType;
        if (type == null) throw new ProtocolException("event without a type", data);
        switch (type) {
            case "message_start" -> {
                if (e.messageId != null) messageId = e.messageId;
                if (e.hasUsage) {
                    merge(e, false);
                    report(listener);
                }
            }
            case "content_block_start", "content_block_delta" -> emit(nanos, e, listener);
            case "message_delta" -> {
                if (e.stopReason != null) sawStopReason = true;
                if (e.hasUsage) {
                    sawDeltaUsage = true;
                    merge(e, true);
                    report(listener);
                }
            }
            case "message_stop" -> {
                return Next.FINISHED;
            }
            case "error" -> throw error(e, "event");
            default -> { }                                   // ping, content_block_stop, and types added later
        }
        return Next.CONTINUE;
    }

    @Override
    public void onBody(long nanos, byte[] body, StreamListener listener) throws ProtocolException {
        AnthropicEvent e = extract(body, "response body");
        if ("error".equals(e.type) || e.errorType != null) throw error(e, "response body");
        if (e.messageId != null) messageId = e.messageId;
        emit(nanos, e, listener);
        if (e.hasUsage) {
            merge(e, true);
            report(listener);
        }
    }

    @Override public boolean requiresFinalEvent() { return true; }

    @Override public String finalEventName() { return "event: message_stop"; }

    /** The {@code message_delta} with the stop reason and final usage arrived: only {@code message_stop} is missing. */
    @Override public boolean completeWithoutFinalEvent() { return sawStopReason && sawDeltaUsage; }

    private void emit(long nanos, AnthropicEvent e, StreamListener listener) {
        if (e.thinking.length() > 0) listener.chunk(nanos, e.thinking, ChunkKind.REASONING, messageId);
        if (e.toolCall.length() > 0) listener.chunk(nanos, e.toolCall, ChunkKind.TOOL_CALL, messageId);
        if (e.text.length() > 0) listener.chunk(nanos, e.text, ChunkKind.CONTENT, messageId);
    }

    /** Cumulative figures: each one given replaces the last (never added); {@code output} only from the final usage. */
    private void merge(AnthropicEvent e, boolean outputIsFinal) {
        if (e.inputTokens >= 0) input = e.inputTokens;
        if (e.cacheCreationTokens >= 0) cacheWrite = e.cacheCreationTokens;
        if (e.cacheReadTokens >= 0) cacheRead = e.cacheReadTokens;
        if (outputIsFinal && e.outputTokens >= 0) output = e.outputTokens;
    }

    private void report(StreamListener listener) {
        int total = input < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, (long) input + Math.max(0, cacheWrite) + Math.max(0, cacheRead));
        listener.usage(total, output, cacheRead);
        if (cacheWrite >= 0) listener.cacheWrite(cacheWrite);
    }

    private static ProtocolException error(AnthropicEvent e, String what) {
        String type = e.errorType == null ? "error" : e.errorType;
        FailureKind kind = type.equals("overloaded_error") || type.equals("rate_limit_error")
                ? FailureKind.RATE_LIMITED : FailureKind.PROTOCOL_ERROR;
        return new ProtocolException(kind, "server sent an error " + what + " (" + type + "): "
                + (e.errorMessage == null ? "(no message)" : e.errorMessage));
    }

    private static AnthropicEvent extract(byte[] data, String what) throws ProtocolException {
        AnthropicEvent e = EVENT.get();
        e.reset();
        try {
            EXTRACTOR.get().extract(data, 0, data.length, e);
        } catch (IOException | RuntimeException x) {
            String why = x instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(x.getMessage());
            throw new ProtocolException("malformed JSON in " + what + " (" + why + ")", data);
        }
        return e;
    }
}

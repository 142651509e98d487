package dev.llmbench.harness.endpoint.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.sse.SseParser;

import java.io.IOException;

/**
 * Decodes one OpenAI response: SSE chunks ending in {@code data: [DONE]}, or one JSON body. Runs on the decoder
 * thread only; the extractor and its scratch delta are per-thread and reused, so a chunk allocates only its text.
 */
final class OpenAiStreamDecoder implements StreamDecoder {

    private boolean sawFinishReason;
    private boolean sawUsage;

    private static final ThreadLocal<OpenAiDeltaExtractor> EXTRACTOR = ThreadLocal.withInitial(OpenAiDeltaExtractor::new);
    private static final ThreadLocal<OpenAiDelta> DELTA = ThreadLocal.withInitial(OpenAiDelta::new);

    @Override
    public Next onEvent(long nanos, String eventType, byte[] data, StreamListener listener) throws ProtocolException {
        if (SseParser.isDone(data)) return Next.FINISHED;
        OpenAiDelta d = extract(data, "chunk");
        if (d.finishReason != null) sawFinishReason = true;
        if (d.hasUsage) sawUsage = true;
        emit(nanos, d, listener);
        return Next.CONTINUE;
    }

    @Override
    public void onBody(long nanos, byte[] body, StreamListener listener) throws ProtocolException {
        emit(nanos, extract(body, "response body"), listener);
    }

    @Override public boolean requiresFinalEvent() { return true; }

    @Override public String finalEventName() { return "data: [DONE]"; }

    /** A {@code finish_reason} and the usage arrived: the answer is whole, only {@code [DONE]} is missing. */
    @Override public boolean completeWithoutFinalEvent() { return sawFinishReason && sawUsage; }

    private static OpenAiDelta extract(byte[] data, String what) throws ProtocolException {
        OpenAiDelta d = DELTA.get();
        d.reset();
        try {
            EXTRACTOR.get().extract(data, 0, data.length, d);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
            throw new ProtocolException("malformed JSON in " + what + " (" + why + ")", data);
        }
        if (d.errorMessage != null) throw new ProtocolException("server sent an error " + what + ": " + d.errorMessage);
        return d;
    }

    private static void emit(long nanos, OpenAiDelta d, StreamListener listener) {
        // The builders are passed as they are (no String per chunk): the listener contract says the text is only
        // valid during the call.
        if (d.reasoning.length() > 0) listener.chunk(nanos, d.reasoning, ChunkKind.REASONING, d.id);
        if (d.toolCall.length() > 0) listener.chunk(nanos, d.toolCall, ChunkKind.TOOL_CALL, d.id);
        if (d.content.length() > 0) listener.chunk(nanos, d.content, ChunkKind.CONTENT, d.id);
        if (d.hasUsage) listener.usage(d.promptTokens, d.completionTokens, d.cachedTokens);
    }
}

package dev.llmbench.harness.endpoint.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.sse.SseParser;

import java.io.IOException;

/**
 * Decodes one Responses API answer. Streamed: typed events, of which
 * <ul>
 *   <li>{@code response.output_text.delta} (and {@code response.refusal.delta}) are {@link ChunkKind#CONTENT},
 *       {@code response.reasoning_summary_text.delta} and {@code response.reasoning_text.delta} are
 *       {@link ChunkKind#REASONING}, {@code response.function_call_arguments.delta} and
 *       {@code response.custom_tool_call_input.delta} are {@link ChunkKind#TOOL_CALL}: TTFT is the first of any,
 *       TTFO the first content;</li>
 *   <li>{@code response.created} / {@code response.in_progress} give the response id that every chunk carries;</li>
 *   <li>{@code response.completed} ends the stream with its usage; {@code response.incomplete} (e.g. reason
 *       {@code max_output_tokens}) ends it too, as a success with its tokens and usage — what a length-limited chat
 *       completion is;</li>
 *   <li>{@code response.failed} and the {@code error} event are protocol errors quoting the server's code and message
 *       (the endpoint redacts them);</li>
 *   <li>every other event ({@code response.output_item.added}, {@code *.done}, ...) is read (so malformed JSON is caught)
 *       and ignored.</li>
 * </ul>
 * There is no {@code [DONE]}: a stream that ends before a terminal event is a protocol error
 * ({@code stream ended without response.completed}), since only that event carries the usage.
 * Not streamed: one {@code Response} object, whose {@code output} items give the chunks.
 *
 * <p>Runs on the decoder thread only; the reader and its scratch event are per-thread and reused.
 */
final class ResponsesStreamDecoder implements StreamDecoder {

    private static final ThreadLocal<ResponsesEventReader> READER = ThreadLocal.withInitial(ResponsesEventReader::new);
    private static final ThreadLocal<ResponsesEvent> EVENT = ThreadLocal.withInitial(ResponsesEvent::new);
    private static final ObjectMapper JSON = new ObjectMapper();

    private String responseId;

    @Override
    public Next onEvent(long nanos, String eventType, byte[] data, StreamListener listener) throws ProtocolException {
        if (SseParser.isDone(data)) {
            throw new ProtocolException("data: [DONE] before response.completed (the Responses API ends with response.completed)");
        }
        ResponsesEvent e = EVENT.get();
        e.reset();
        try {
            READER.get().read(data, eventType, e);
        } catch (IOException | RuntimeException x) {
            String why = x instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(x.getMessage());
            throw new ProtocolException("malformed JSON in event (" + why + ")", data);
        }
        switch (e.type) {
            case OUTPUT_TEXT_DELTA, REFUSAL_DELTA, REASONING_SUMMARY_TEXT_DELTA, REASONING_TEXT_DELTA,
                    FUNCTION_CALL_ARGUMENTS_DELTA, CUSTOM_TOOL_CALL_INPUT_DELTA -> {
                // The builder is passed as it is (no String per chunk): the listener contract says it is only valid during the call.
                if (e.delta.length() > 0) listener.chunk(nanos, e.delta, e.type.kind, responseId);
                return Next.CONTINUE;
            }
            case CREATED, IN_PROGRESS -> {
                if (e.responseId != null) responseId = e.responseId;
                return Next.CONTINUE;
            }
            case COMPLETED, INCOMPLETE -> {
                if (e.hasUsage) listener.usage(e.inputTokens, e.outputTokens, e.cachedTokens);
                return Next.FINISHED;
            }
            case FAILED -> throw new ProtocolException("server sent response.failed: " + e.error());
            case ERROR -> throw new ProtocolException("server sent an error event: " + e.error());
            default -> {
                return Next.CONTINUE;
            }
        }
    }

    @Override
    public void onBody(long nanos, byte[] body, StreamListener listener) throws ProtocolException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException x) {
            String why = x instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(x.getMessage());
            throw new ProtocolException("malformed JSON in response body (" + why + ")", body);
        }
        if (root == null || !root.isObject()) throw new ProtocolException("response body is not a JSON object", body);
        JsonNode error = root.path("error");
        if (error.isObject() || error.isTextual() || "failed".equals(root.path("status").asText(null))) {
            String code = error.path("code").isValueNode() ? error.path("code").asText() : null;
            String message = error.isTextual() ? error.asText() : error.path("message").asText("");
            throw new ProtocolException("server sent a failed response: "
                    + (code == null || code.isEmpty() ? message : code + ": " + message));
        }
        String id = root.path("id").isTextual() ? root.get("id").asText() : null;
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        StringBuilder toolCall = new StringBuilder();
        for (JsonNode item : root.path("output")) {
            switch (item.path("type").asText("")) {
                case "message" -> {
                    for (JsonNode part : item.path("content")) {
                        appendText(part.path("text"), content);
                        appendText(part.path("refusal"), content);
                    }
                }
                case "reasoning" -> {
                    for (JsonNode part : item.path("summary")) appendText(part.path("text"), reasoning);
                    for (JsonNode part : item.path("content")) appendText(part.path("text"), reasoning);
                }
                case "function_call" -> {
                    appendText(item.path("name"), toolCall);
                    appendText(item.path("arguments"), toolCall);
                }
                case "custom_tool_call" -> {
                    appendText(item.path("name"), toolCall);
                    appendText(item.path("input"), toolCall);
                }
                default -> { }                                      // web_search_call, file_search_call, ...
            }
        }
        if (reasoning.length() > 0) listener.chunk(nanos, reasoning, ChunkKind.REASONING, id);
        if (toolCall.length() > 0) listener.chunk(nanos, toolCall, ChunkKind.TOOL_CALL, id);
        if (content.length() > 0) listener.chunk(nanos, content, ChunkKind.CONTENT, id);
        JsonNode usage = root.path("usage");
        if (usage.isObject()) {
            listener.usage(intOr(usage.path("input_tokens")), intOr(usage.path("output_tokens")),
                    intOr(usage.path("input_tokens_details").path("cached_tokens")));
        }
    }

    private static void appendText(JsonNode n, StringBuilder to) {
        if (n.isTextual()) to.append(n.asText());
    }

    private static int intOr(JsonNode n) {
        return n.isInt() ? n.intValue() : -1;
    }

    @Override public boolean requiresFinalEvent() { return true; }

    @Override public String finalEventName() { return "response.completed"; }
}

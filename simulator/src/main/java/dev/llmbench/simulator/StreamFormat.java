package dev.llmbench.simulator;

/**
 * How one API writes a generation: the events of a stream around its tokens, the whole body when not streamed, and its
 * error bodies. One instance per response, built on the reactor thread when the request is admitted; immutable
 * afterwards except for what a format documents (e.g. timings taken when the last event is written), and only ever used
 * by one thread at a time.
 *
 * <p>A streamed response is written as: {@link #opening()} once the sequence is admitted, {@link #token} for each
 * released token, then {@link #closing()} and {@link #finalEvent()} (which the {@code no_done} fault leaves out).
 * Formats: {@link ResponseTemplates} (OpenAI chat and completions, with the personality's variations),
 * {@link TgiFormat} and {@link OllamaFormat} (those servers' OpenAI-compatible chat and completions),
 * {@link AnthropicFormat} (Anthropic Messages),
 * {@link ResponsesFormat} (OpenAI Responses).
 */
interface StreamFormat {

    /** Events written once the sequence is admitted, before the first token; empty when the API has none. */
    byte[] opening();

    /** The event carrying token {@code position} (0-based); the last token's event may carry the finish reason. */
    byte[] token(int position);

    /** Events after the last token and before the final event (e.g. a usage event); empty when none. */
    byte[] closing();

    /** The protocol's final event ({@code data: [DONE]}, {@code message_stop}); left out by the {@code no_done} fault. */
    byte[] finalEvent();

    /** The complete body of a non-streamed response. */
    byte[] fullBody();

    /** The {@code malformed_json_after} fault's event: a data event whose JSON is cut short. */
    default byte[] malformedJson() {
        return ResponseTemplates.MALFORMED_JSON;
    }

    /** The format of the API {@code request} asked for, under a personality. */
    static StreamFormat of(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey,
                           Personality personality) {
        switch (request.endpoint()) {
            case CHAT:
            case COMPLETIONS:
                if (personality == Personality.TGI) {
                    return TgiFormat.of(request, createdEpochSeconds, streamKey);
                }
                if (personality == Personality.OLLAMA) {
                    return OllamaFormat.of(request, responseId, createdEpochSeconds, streamKey);
                }
                return new ResponseTemplates(request, responseId, createdEpochSeconds, streamKey, personality);
            case MESSAGES:
                return new AnthropicFormat(request, responseId, streamKey);
            case RESPONSES:
                return new ResponsesFormat(request, responseId, createdEpochSeconds, streamKey);
            default:
                throw new AssertionError(request.endpoint());
        }
    }

    /**
     * An error body as the API (null: a path that is no generation API) and personality write it.
     *
     * @param type  OpenAI's error type ({@code invalid_request_error}, {@code server_error}, ...)
     * @param param the request field at fault, or null
     * @param code  OpenAI's error code, or null
     */
    static byte[] errorBody(CompletionRequest.Endpoint api, Personality personality, int status, String message,
                            String type, String param, String code) {
        if (api == CompletionRequest.Endpoint.MESSAGES) {
            return AnthropicFormat.error(status, message);
        }
        if (personality == Personality.TGI) {
            return TgiFormat.error(status, message);
        }
        if (personality == Personality.OLLAMA) {
            return OllamaFormat.error(status, message);
        }
        if (personality == Personality.LLAMACPP) {
            return ResponseTemplates.llamaCppError(status, message, status >= 500 ? "server_error" : type);
        }
        return ResponseTemplates.error(message, type, param, code);
    }

    /** The empty byte array, for formats with nothing to write at a step. */
    byte[] NOTHING = new byte[0];
}

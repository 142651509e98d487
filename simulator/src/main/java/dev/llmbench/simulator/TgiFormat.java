package dev.llmbench.simulator;

/**
 * Hugging Face text-generation-inference's OpenAI-compatible streams and errors ({@link Personality#TGI}): router
 * {@code src/chat.rs} (commit 03fe626: {@code create_event_from_stream_token}, {@code ChatState::push}),
 * {@code src/server.rs} ({@code completions}), {@code src/lib.rs} ({@code ChatCompletionChunk}, {@code Chunk},
 * {@code CompletionFinal}, {@code ErrorResponse}). Field order is serde's: the internally tagged {@code object} first.
 * Stateless.
 */
final class TgiFormat {

    /**
     * TGI's {@code VERSION-(docker label|native)}: release 3.1.1 (the workspace {@code Cargo.toml} of the cited code
     * says 3.1.1-dev0) run outside its Docker image.
     */
    static final String SYSTEM_FINGERPRINT = "3.1.1-native";

    private TgiFormat() {
    }

    /** The format of one chat or completions response. */
    static StreamFormat of(CompletionRequest request, long createdEpochSeconds, long streamKey) {
        String model = Json.quote(request.model());
        String fp = Json.quote(SYSTEM_FINGERPRINT);
        String usage = TemplateFormat.usage(request);
        String finish = "\"" + request.finishReason() + "\"";
        if (request.endpoint() == CompletionRequest.Endpoint.CHAT) {
            String head = "{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":" + createdEpochSeconds
                    + ",\"model\":" + model + ",\"system_fingerprint\":" + fp + ",";
            String prefix = "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":";
            return new TemplateFormat(request, streamKey, "",
                    prefix, "},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n",
                    prefix, "},\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":null}\n\n",
                    request.includeUsage() ? "data: " + head + "\"choices\":[],\"usage\":" + usage + "}\n\n" : "",
                    "{\"object\":\"chat.completion\",\"id\":\"\",\"created\":" + createdEpochSeconds + ",\"model\":" + model
                            + ",\"system_fingerprint\":" + fp + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":",
                    "},\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":" + usage + "}");
        }
        // Completions: a Chunk per token with an empty finish_reason; the last is a CompletionFinal carrying usage
        // always, its finish reason written with FinishReason's Display (eos_token where OpenAI says stop).
        String streamedFinish = request.maxTokensGiven() ? "\"length\"" : "\"eos_token\"";
        String finalHead = "{\"object\":\"text_completion\",\"id\":\"\",\"created\":" + createdEpochSeconds + ",\"model\":"
                + model + ",\"system_fingerprint\":" + fp + ",\"choices\":[{\"index\":0,\"text\":";
        return new TemplateFormat(request, streamKey, "",
                "data: {\"object\":\"text_completion\",\"id\":\"\",\"created\":" + createdEpochSeconds
                        + ",\"choices\":[{\"index\":0,\"text\":",
                ",\"logprobs\":null,\"finish_reason\":\"\"}],\"model\":" + model + ",\"system_fingerprint\":" + fp + "}\n\n",
                "data: " + finalHead, ",\"logprobs\":null,\"finish_reason\":" + streamedFinish + "}],\"usage\":" + usage + "}\n\n",
                "",
                finalHead, ",\"logprobs\":null,\"finish_reason\":" + finish + "}],\"usage\":" + usage + "}");
    }

    /**
     * TGI's {@code ErrorResponse}: {@code {"error":"…","error_type":"…"}}, typed by status as its {@code InferError}s
     * are (422 validation, 429 overloaded, 424 generation, 500 incomplete_generation); other statuses, which only
     * the simulator's faults produce, are typed validation (4xx) or generation (5xx).
     */
    static byte[] error(int status, String message) {
        String type;
        switch (status) {
            case 429:
                type = "overloaded";
                break;
            case 424:
                type = "generation";
                break;
            case 500:
                type = "incomplete_generation";
                break;
            default:
                type = status >= 500 ? "generation" : "validation";
        }
        return TemplateFormat.utf8("{\"error\":" + Json.quote(message) + ",\"error_type\":\"" + type + "\"}");
    }
}

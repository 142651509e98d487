package dev.llmbench.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads an OpenAI chat-completions, completions or Responses request body into a {@link CompletionRequest}. Fields the
 * simulator does not model (temperature, ignore_eos, min_tokens, ...) are accepted and ignored: it always generates
 * exactly max_tokens — except under the {@link Personality#OPENAI} personality, which refuses a field outside the
 * OpenAI API as the OpenAI API does. Thread-safe (the shared ObjectMapper is).
 */
final class RequestParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The OpenAI chat-completions request fields (API reference, 2025). */
    private static final Set<String> OPENAI_CHAT_FIELDS = Set.of("messages", "model", "audio", "frequency_penalty",
            "function_call", "functions", "logit_bias", "logprobs", "max_completion_tokens", "max_tokens", "metadata",
            "modalities", "n", "parallel_tool_calls", "prediction", "presence_penalty", "prompt_cache_key",
            "reasoning_effort", "response_format", "safety_identifier", "seed", "service_tier", "stop", "store",
            "stream", "stream_options", "temperature", "tool_choice", "tools", "top_logprobs", "top_p", "user",
            "verbosity", "web_search_options");
    /** The OpenAI (legacy) completions request fields. */
    private static final Set<String> OPENAI_COMPLETIONS_FIELDS = Set.of("model", "prompt", "best_of", "echo",
            "frequency_penalty", "logit_bias", "logprobs", "max_tokens", "n", "presence_penalty", "seed", "stop",
            "stream", "stream_options", "suffix", "temperature", "top_p", "user");
    /** The OpenAI Responses API request fields (API reference, 2025). */
    private static final Set<String> OPENAI_RESPONSES_FIELDS = Set.of("model", "input", "instructions", "background",
            "conversation", "include", "max_output_tokens", "max_tool_calls", "metadata", "parallel_tool_calls",
            "previous_response_id", "prompt", "prompt_cache_key", "prompt_cache_retention", "reasoning",
            "safety_identifier", "service_tier", "store", "stream", "stream_options", "temperature", "text",
            "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "user");

    private final Profile profile;
    private final Personality personality;

    RequestParser(Profile profile) {
        this(profile, Personality.VLLM);
    }

    RequestParser(Profile profile, Personality personality) {
        this.profile = profile;
        this.personality = personality;
    }

    CompletionRequest parse(CompletionRequest.Endpoint endpoint, byte[] body, int length) throws BadRequestException {
        JsonNode root;
        try {
            root = length == 0 ? null : MAPPER.readTree(body, 0, length);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("We could not parse the JSON body of your request: "
                    + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw new BadRequestException("We could not read the body of your request.", null);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("The request body must be a JSON object.", null);
        }
        if (endpoint == CompletionRequest.Endpoint.MESSAGES) {
            return AnthropicRequests.parse(root);
        }
        if (personality.rejectsUnknownFields()) {
            Set<String> known = endpoint == CompletionRequest.Endpoint.CHAT ? OPENAI_CHAT_FIELDS
                    : endpoint == CompletionRequest.Endpoint.RESPONSES ? OPENAI_RESPONSES_FIELDS : OPENAI_COMPLETIONS_FIELDS;
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new BadRequestException("Unrecognized request argument supplied: " + field, null);
                }
            }
        }

        String model = profile.modelName();
        JsonNode modelNode = root.get("model");
        if (modelNode != null && !modelNode.isNull()) {
            if (!modelNode.isTextual()) {
                throw new BadRequestException("'model' must be a string.", "model");
            }
            model = modelNode.asText();
        }

        PromptText prompt = endpoint == CompletionRequest.Endpoint.CHAT ? messages(root)
                : endpoint == CompletionRequest.Endpoint.RESPONSES ? input(root) : prompt(root);

        int maxTokens = profile.defaultMaxTokens();
        boolean given = false;
        for (String field : endpoint == CompletionRequest.Endpoint.CHAT
                ? new String[] {"max_tokens", "max_completion_tokens"}
                : endpoint == CompletionRequest.Endpoint.RESPONSES ? new String[] {"max_output_tokens"} : new String[] {"max_tokens"}) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                continue;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
                throw new BadRequestException("'" + field + "' must be a positive integer, got " + n + ".", field);
            }
            maxTokens = n.intValue(); // max_completion_tokens (read last) wins over the deprecated max_tokens
            given = true;
        }

        boolean stream = bool(root, "stream", false);
        boolean includeUsage = false;
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw new BadRequestException("'stream_options' must be an object.", "stream_options");
            }
            JsonNode u = options.get("include_usage");
            if (u != null && !u.isNull()) {
                if (!u.isBoolean()) {
                    throw new BadRequestException("'stream_options.include_usage' must be a boolean.",
                            "stream_options.include_usage");
                }
                includeUsage = u.booleanValue();
            }
        }
        int promptTokens = (int) Math.max(1, Math.min(Integer.MAX_VALUE, prompt.tokens()));
        return new CompletionRequest(endpoint, model, promptTokens, maxTokens, given, stream, includeUsage, prompt.hash);
    }

    static boolean bool(JsonNode root, String field, boolean dflt) throws BadRequestException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new BadRequestException("'" + field + "' must be a boolean.", field);
        }
        return n.booleanValue();
    }

    private static PromptText messages(JsonNode root) throws BadRequestException {
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new BadRequestException("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new BadRequestException("'messages' must be a non-empty array.", "messages");
        }
        PromptText text = new PromptText();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "messages[" + i + "]";
            if (!m.isObject()) {
                throw new BadRequestException("'" + where + "' must be an object.", where);
            }
            JsonNode content = m.get("content");
            if (content == null || content.isNull()) {
                continue; // e.g. an assistant message carrying only tool calls
            }
            addContent(text, content, where);
        }
        return text;
    }

    /**
     * A Responses request's prompt: {@code instructions} (a string) and {@code input}, a string or an array of items
     * whose {@code content} is a string or an array of parts with {@code text} (other items, such as a function call's
     * {@code output}, count their {@code output} string).
     */
    private static PromptText input(JsonNode root) throws BadRequestException {
        PromptText text = new PromptText();
        JsonNode instructions = root.get("instructions");
        if (instructions != null && !instructions.isNull()) {
            if (!instructions.isTextual()) {
                throw new BadRequestException("'instructions' must be a string.", "instructions");
            }
            text.add(instructions.asText());
        }
        JsonNode input = root.get("input");
        if (input == null || input.isNull()) {
            throw new BadRequestException("Missing required parameter: 'input'.", "input");
        }
        if (input.isTextual()) {
            text.add(input.asText());
            return text;
        }
        if (!input.isArray()) {
            throw new BadRequestException("'input' must be a string or an array of input items.", "input");
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String where = "input[" + i + "]";
            if (!item.isObject()) {
                throw new BadRequestException("'" + where + "' must be an object.", where);
            }
            JsonNode content = item.get("content");
            if (content == null || content.isNull()) {
                JsonNode output = item.get("output");
                if (output != null && output.isTextual()) {
                    text.add(output.asText());
                }
            } else {
                addContent(text, content, where);
            }
        }
        return text;
    }

    /** A message's or item's {@code content}: a string, or an array of parts whose {@code text} counts. */
    private static void addContent(PromptText text, JsonNode content, String where) throws BadRequestException {
        if (content.isTextual()) {
            text.add(content.asText());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode t = part.get("text");
                if (t != null && t.isTextual()) {
                    text.add(t.asText());
                }
            }
        } else {
            throw new BadRequestException("'" + where + ".content' must be a string or an array of parts.",
                    where + ".content");
        }
    }

    private static PromptText prompt(JsonNode root) throws BadRequestException {
        JsonNode prompt = root.get("prompt");
        if (prompt == null || prompt.isNull()) {
            throw new BadRequestException("Missing required parameter: 'prompt'.", "prompt");
        }
        PromptText text = new PromptText();
        if (prompt.isTextual()) {
            text.add(prompt.asText());
            return text;
        }
        if (prompt.isArray() && !prompt.isEmpty()) {
            for (JsonNode p : prompt) {
                if (p.isTextual()) {
                    text.add(p.asText());
                } else if (p.isIntegralNumber()) {
                    text.addTokenIds(1, p.longValue());
                } else if (p.isArray()) {
                    for (JsonNode id : p) {
                        text.addTokenIds(1, id.asLong());
                    }
                } else {
                    throw new BadRequestException("'prompt' must be a string, an array of strings or token ids.", "prompt");
                }
            }
            return text;
        }
        throw new BadRequestException("'prompt' must be a non-empty string, array of strings or token ids.", "prompt");
    }

    /** Accumulates prompt characters (code points) and token ids, and a hash of both. */
    static final class PromptText {
        long codePoints;
        long tokenIds;
        long hash = 1125899906842597L;

        void add(String s) {
            codePoints += s.codePointCount(0, s.length());
            hash = 31 * hash + s.hashCode();
        }

        void addTokenIds(long count, long id) {
            tokenIds += count;
            hash = 31 * hash + id;
        }

        long tokens() {
            return (codePoints + 3) / 4 + tokenIds;
        }
    }
}

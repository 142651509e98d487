package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;

/**
 * A {@link StreamFormat} made of pre-built byte templates: every token's event is a prefix, the token's quoted JSON
 * text and a suffix (three array copies), the last token's event may have its own prefix and suffix, and the events
 * around the tokens and the non-streamed body are fixed when the response is admitted. The OpenAI-compatible streams
 * of {@link TgiFormat} and {@link OllamaFormat} are built this way. Immutable and thread-safe.
 */
final class TemplateFormat implements StreamFormat {

    private final int lastPosition;
    private final long streamKey;
    private final int maxTokens;
    private final byte[] opening;
    private final byte[] tokenPrefix;
    private final byte[] tokenSuffix;
    private final byte[] lastTokenPrefix;
    private final byte[] lastTokenSuffix;
    private final byte[] closing;
    private final String bodyBeforeText;
    private final String bodyAfterText;

    /**
     * @param opening         events before the first token (may be empty)
     * @param tokenPrefix     a token event up to the token's quoted text
     * @param tokenSuffix     a token event after the token's quoted text
     * @param lastTokenPrefix the last token event up to its text
     * @param lastTokenSuffix the last token event after its text
     * @param closing         events after the last token and before {@code [DONE]} (may be empty)
     * @param bodyBeforeText  the non-streamed body up to the generated text (quoted)
     * @param bodyAfterText   the non-streamed body after the generated text
     */
    TemplateFormat(CompletionRequest request, long streamKey, String opening, String tokenPrefix, String tokenSuffix,
                   String lastTokenPrefix, String lastTokenSuffix, String closing, String bodyBeforeText,
                   String bodyAfterText) {
        this.maxTokens = request.maxTokens();
        this.lastPosition = request.maxTokens() - 1;
        this.streamKey = streamKey;
        this.opening = utf8(opening);
        this.tokenPrefix = utf8(tokenPrefix);
        this.tokenSuffix = utf8(tokenSuffix);
        this.lastTokenPrefix = utf8(lastTokenPrefix);
        this.lastTokenSuffix = utf8(lastTokenSuffix);
        this.closing = utf8(closing);
        this.bodyBeforeText = bodyBeforeText;
        this.bodyAfterText = bodyAfterText;
    }

    @Override
    public byte[] opening() {
        return opening;
    }

    @Override
    public byte[] token(int position) {
        byte[] token = TokenVocabulary.json(TokenVocabulary.index(streamKey, position));
        boolean last = position == lastPosition;
        byte[] prefix = last ? lastTokenPrefix : tokenPrefix;
        byte[] suffix = last ? lastTokenSuffix : tokenSuffix;
        byte[] out = new byte[prefix.length + token.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(token, 0, out, prefix.length, token.length);
        System.arraycopy(suffix, 0, out, prefix.length + token.length, suffix.length);
        return out;
    }

    @Override
    public byte[] closing() {
        return closing;
    }

    @Override
    public byte[] finalEvent() {
        return ResponseTemplates.DONE;
    }

    @Override
    public byte[] fullBody() {
        return utf8(bodyBeforeText + Json.quote(TokenVocabulary.text(streamKey, maxTokens)) + bodyAfterText);
    }

    /** OpenAI's usage object as TGI and Ollama write it: {@code {"prompt_tokens":P,"completion_tokens":N,"total_tokens":T}}. */
    static String usage(CompletionRequest request) {
        int p = request.promptTokens();
        int n = request.maxTokens();
        return "{\"prompt_tokens\":" + p + ",\"completion_tokens\":" + n + ",\"total_tokens\":" + ((long) p + n) + "}";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

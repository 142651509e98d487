package dev.llmbench.microbench.streams;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Realistic OpenAI-compatible SSE response bodies, byte for byte as vLLM (and OpenAI) send them with
 * {@code stream: true, stream_options: {include_usage: true}}, deterministic under a seed.
 *
 * <p>A stream is: one role chunk ({@code "delta":{"role":"assistant","content":""}}), {@code chunks} content chunks
 * (mostly one token each, sometimes two or three bundled, about 4% multi-byte UTF-8: accents, CJK, emoji; some
 * newlines and quotes that JSON escapes), a finish chunk ({@code finish_reason} "stop" or "length"), a usage chunk
 * ({@code "choices":[]} with {@code prompt_tokens_details.cached_tokens}) and {@code data: [DONE]}. Every event is
 * {@code data: <json>} followed by a blank line, LF line endings unless asked for CRLF. A content chunk is about
 * 200 bytes on the wire, which is what real chat streams look like (the JSON envelope dwarfs the token).
 *
 * <p>Used by the JMH benchmarks of the SSE parser and delta extraction; public so other benchmarks and tests can
 * reuse it.
 */
public final class RecordedStreams {

    /** What kind of stream to generate. */
    public enum Kind {
        /** {@code /v1/chat/completions} chunks: {@code choices[0].delta.content}. */
        CHAT,
        /** {@code /v1/completions} chunks: {@code choices[0].text}, with vLLM's {@code stop_reason}. */
        COMPLETIONS,
        /** Chat chunks of a reasoning model: the first third carry {@code delta.reasoning_content}. */
        CHAT_REASONING
    }

    private static final String[] WORDS = {
            " the", " of", " and", " to", " a", " in", " is", " that", " for", " it", " as", " with", " was", " on",
            " be", " by", " this", " are", " model", " token", " latency", " throughput", " server", " request",
            " batch", " memory", " cache", " GPU", " inference", " response", " first", " time", " each", " which",
            " can", " will", " more", " than", " also", " into", " when", " between", " decode", " prefill", "ing",
            "ed", "s", "ly", ",", ".", ":", ";", " (", ")", " -", " 1", "0", "2", "5", " %", "**", "\n", "\n\n",
            " \"", "\"", " The", " In", " It", " However", " For", " example", "'s"};
    /** About 4% of tokens: two-, three- and four-byte UTF-8 characters. */
    private static final String[] MULTI_BYTE = {" café", " naïve", " é", "日本", "語", " 東京", "😀", " —", " ✓", "ü", " 🚀", "…"};

    private RecordedStreams() {
    }

    /** A chat-completions stream with {@code chunks} content chunks, LF line endings. */
    public static byte[] openAiChat(int chunks, long seed) {
        return generate(Kind.CHAT, chunks, seed, false);
    }

    /** A completions stream with {@code chunks} text chunks, LF line endings. */
    public static byte[] openAiCompletions(int chunks, long seed) {
        return generate(Kind.COMPLETIONS, chunks, seed, false);
    }

    /** A reasoning model's chat stream: the first third of the {@code chunks} carry reasoning, the rest content. */
    public static byte[] openAiChatReasoning(int chunks, long seed) {
        return generate(Kind.CHAT_REASONING, chunks, seed, false);
    }

    /**
     * One stream.
     *
     * @param kind   chat, completions, or chat with reasoning
     * @param chunks content (or text/reasoning) chunks between the role chunk and the finish chunk
     * @param seed   same seed, same bytes
     * @param crlf   CRLF line endings instead of LF (some proxies and servers send them)
     */
    public static byte[] generate(Kind kind, int chunks, long seed, boolean crlf) {
        if (chunks < 0) throw new IllegalArgumentException("chunks must be >= 0, was " + chunks);
        SplittableRandom random = new SplittableRandom(seed);
        boolean chat = kind != Kind.COMPLETIONS;
        String id = (chat ? "chatcmpl-" : "cmpl-") + hex(random, 32);
        long created = 1_732_000_000L + random.nextInt(10_000_000);
        String head = "{\"id\":\"" + id + "\",\"object\":\"" + (chat ? "chat.completion.chunk" : "text_completion")
                + "\",\"created\":" + created + ",\"model\":\"meta-llama/Llama-2-70b-chat-hf\"";
        String eol = crlf ? "\r\n" : "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(220 * (chunks + 4));
        StringBuilder sb = new StringBuilder(512);

        if (chat) {
            event(out, sb, eol, head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
        }
        int completionTokens = 0;
        int reasoningChunks = kind == Kind.CHAT_REASONING ? chunks / 3 : 0;
        for (int c = 0; c < chunks; c++) {
            int tokens = random.nextInt(100) < 90 ? 1 : 2 + random.nextInt(2);
            completionTokens += tokens;
            StringBuilder text = new StringBuilder(16);
            for (int t = 0; t < tokens; t++) {
                text.append(random.nextInt(100) < 4 ? MULTI_BYTE[random.nextInt(MULTI_BYTE.length)] : WORDS[random.nextInt(WORDS.length)]);
            }
            String json = escape(text);
            if (!chat) {
                event(out, sb, eol, head + ",\"choices\":[{\"index\":0,\"text\":\"" + json
                        + "\",\"logprobs\":null,\"finish_reason\":null,\"stop_reason\":null}],\"usage\":null}");
            } else {
                String field = c < reasoningChunks ? "reasoning_content" : "content";
                event(out, sb, eol, head + ",\"choices\":[{\"index\":0,\"delta\":{\"" + field + "\":\"" + json
                        + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
            }
        }
        String finish = random.nextInt(4) == 0 ? "length" : "stop";
        if (chat) {
            event(out, sb, eol, head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"logprobs\":null,"
                    + "\"finish_reason\":\"" + finish + "\",\"stop_reason\":null}],\"usage\":null}");
        } else {
            event(out, sb, eol, head + ",\"choices\":[{\"index\":0,\"text\":\"\",\"logprobs\":null,\"finish_reason\":\""
                    + finish + "\",\"stop_reason\":null}],\"usage\":null}");
        }
        int promptTokens = 50 + random.nextInt(2000);
        int cached = random.nextInt(3) == 0 ? 0 : (promptTokens / 16) * 16 / 2;
        event(out, sb, eol, head + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"total_tokens\":"
                + (promptTokens + completionTokens) + ",\"completion_tokens\":" + completionTokens
                + ",\"prompt_tokens_details\":{\"cached_tokens\":" + cached + "}}}");
        event(out, sb, eol, "[DONE]");
        return out.toByteArray();
    }

    /**
     * Offsets just past each event (past its blank line) of a stream this class generated: feeding
     * {@code [0, ends[0])}, {@code [ends[0], ends[1])}, ... gives one event per read.
     */
    public static int[] eventEnds(byte[] stream) {
        int[] ends = new int[64];
        int n = 0;
        for (int i = 1; i < stream.length; i++) {
            // a blank line: LF LF, or CRLF CRLF
            boolean lfLf = stream[i] == '\n' && stream[i - 1] == '\n';
            boolean crlfCrlf = i >= 3 && stream[i] == '\n' && stream[i - 1] == '\r' && stream[i - 2] == '\n' && stream[i - 3] == '\r';
            if (lfLf || crlfCrlf) {
                if (n == ends.length) ends = Arrays.copyOf(ends, n * 2);
                ends[n++] = i + 1;
            }
        }
        if (n == 0 || ends[n - 1] != stream.length) {
            if (n == ends.length) ends = Arrays.copyOf(ends, n + 1);
            ends[n++] = stream.length;
        }
        return Arrays.copyOf(ends, n);
    }

    /** Offsets ending reads of {@code readSize} bytes (the last one shorter): what a busy connection's reads look like. */
    public static int[] fixedReadEnds(byte[] stream, int readSize) {
        if (readSize <= 0) throw new IllegalArgumentException("readSize must be > 0, was " + readSize);
        int n = Math.max(1, (stream.length + readSize - 1) / readSize);
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) ends[i] = Math.min(stream.length, (i + 1) * readSize);
        return ends;
    }

    private static void event(ByteArrayOutputStream out, StringBuilder sb, String eol, String data) {
        sb.setLength(0);
        sb.append("data: ").append(data).append(eol).append(eol);
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private static String hex(SplittableRandom random, int digits) {
        char[] c = new char[digits];
        for (int i = 0; i < digits; i++) c[i] = "0123456789abcdef".charAt(random.nextInt(16));
        return new String(c);
    }

    private static String escape(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }
}

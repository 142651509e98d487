package dev.llmbench.harness.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one redaction step for text that came from a server (error bodies, error events, exception messages, kept
 * response headers): an endpoint passes every such text through its redactor where the text enters the harness,
 * before it is cut, stored, logged or reported. Removed, each replaced by {@link Redaction#REDACTED}:
 * <ul>
 *   <li>the endpoint's own secrets, wherever they appear: the configured API key (from its environment variable or
 *       file) and the values of configured headers with secret-like names ({@link Redaction#isSecretName}), also in
 *       their URL-encoded and JSON-escaped ({@code \/}) forms;</li>
 *   <li>any {@code Bearer …} or {@code Basic …} credential, in any case (the scheme is kept); a "credential" of
 *       fewer than 20 letters only is a word of prose ("Bearer token missing") and stays;</li>
 *   <li>any {@code sk-…} token (OpenAI and Anthropic key shape: {@code sk-} and at least 8 more letters, digits,
 *       {@code -} or {@code _});</li>
 *   <li>the value after a credential header or field name ({@code authorization}, {@code proxy-authorization},
 *       {@code x-api-key}, {@code api-key}, {@code api_key}, {@code apikey}, {@code x-goog-api-key}) followed by
 *       {@code :} or {@code =}.</li>
 * </ul>
 * The known secrets are held only here, never exposed ({@link #toString} says how many there are). Immutable and
 * thread-safe.
 */
public final class Redactor {

    /** Known secrets shorter than this are not searched for: they would mangle ordinary text. */
    public static final int MIN_SECRET_LENGTH = 4;

    /** A redactor that knows no secret of its own: it removes only the token shapes above. */
    public static final Redactor GENERIC = new Redactor(List.of());

    private static final String R = Redaction.REDACTED;
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]+)");
    /** Credentials after a scheme that look like words ("Bearer token missing") are prose, not secrets. */
    private static final int WORDLIKE_CREDENTIAL_MAX = 20;
    private static final Pattern SK_TOKEN = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
    private static final Pattern NAMED_CREDENTIAL = Pattern.compile(
            "(?i)\\b(proxy-authorization|authorization|x-goog-api-key|x-api-key|api-key|api_key|apikey)"
                    + "(\\s*[\"']?\\s*[:=]\\s*[\"']?)(?!(?:Bearer|Basic)\\b|\\[redacted])([^\\s\"',;&}]+)");
    private static final int BINARY_CHECK_CHARS = 512;

    /** Longest first, so a secret that contains another is removed whole. */
    private final List<String> secrets;
    private final int longestSecret;

    private Redactor(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null) continue;
            String v = s.strip();
            if (v.length() < MIN_SECRET_LENGTH) continue;
            all.add(v);
            all.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
            all.add(v.replace("/", "\\/"));
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
        this.longestSecret = sorted.isEmpty() ? 0 : sorted.get(0).length();
    }

    /**
     * The redactor of one endpoint.
     *
     * @param apiKey  the resolved API key ({@link EndpointConfig#resolveApiKey()}), or null when none
     * @param headers the configured request headers; the values of those with secret-like names are secrets too
     *                (with the credential after a {@code Bearer }/{@code Basic } scheme on its own)
     */
    public static Redactor forEndpoint(String apiKey, Map<String, String> headers) {
        List<String> known = new ArrayList<>();
        known.add(apiKey);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String v = h.getValue();
            if (v == null || !Redaction.isSecretName(h.getKey())) continue;
            known.add(v);
            int space = v.strip().indexOf(' ');
            if (space > 0) known.add(v.strip().substring(space + 1));
        }
        return new Redactor(known);
    }

    /** The text without any secret (see the class comment); null gives null. */
    public String redact(CharSequence text) {
        if (text == null) return null;
        String s = text.toString();
        for (String secret : secrets) {
            if (s.contains(secret)) s = s.replace(secret, R);
        }
        // "[redacted]" holds neither '$' nor a backslash, so it can stand in a replacement as it is.
        s = SCHEME_CREDENTIAL.matcher(s).replaceAll(m -> isWord(m.group(3)) ? "$0" : "$1$2" + R);
        s = SK_TOKEN.matcher(s).replaceAll(R);
        s = NAMED_CREDENTIAL.matcher(s).replaceAll("$1$2" + R);
        return s;
    }

    /** Letters only and shorter than {@link #WORDLIKE_CREDENTIAL_MAX}: a word of prose, not a credential. */
    private static boolean isWord(String s) {
        if (s.length() >= WORDLIKE_CREDENTIAL_MAX) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isLetter(s.charAt(i))) return false;
        return true;
    }

    /** The failure with its message redacted (the same failure when nothing changed). */
    public Failure redact(Failure f) {
        if (f == null || f.message().isEmpty()) return f;
        String m = redact(f.message());
        return m.equals(f.message()) ? f : new Failure(f.kind(), f.httpStatus(), m, f.retryAfterMillis());
    }

    /** The header values redacted (names are kept); an empty map is returned as it is. */
    public Map<String, String> redactValues(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) return headers;
        Map<String, String> out = new HashMap<>(headers.size() * 2);
        headers.forEach((k, v) -> out.put(k, redact(v)));
        return out;
    }

    /**
     * A server's bytes as a short text for a message: {@code gzip-compressed body (N bytes)} for gzip data,
     * {@code binary body (N bytes)} for other bytes that are not text, else the UTF-8 text, redacted and then cut to
     * {@code maxChars} (with {@code …}). Redaction happens before the cut, so a secret that straddles the cut leaves
     * nothing behind.
     */
    public String preview(byte[] data, int maxChars) {
        if (data == null || data.length == 0) return "(empty body)";
        if (isGzip(data)) return "gzip-compressed body (" + data.length + " bytes)";
        // Enough bytes that every secret starting before the cut is decoded whole (4 bytes per char at most).
        int window = (int) Math.min(data.length, 4L * (maxChars + Math.max(longestSecret, 256)));
        String text = new String(data, 0, window, StandardCharsets.UTF_8);
        if (looksBinary(text, window < data.length)) return "binary body (" + data.length + " bytes)";
        String r = redact(text).strip();
        return r.length() > maxChars ? r.substring(0, maxChars) + "…" : r;
    }

    /** Whether the bytes start with gzip's magic number ({@code 1f 8b}). */
    public static boolean isGzip(byte[] data) {
        return data != null && data.length >= 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b;
    }

    /** Control characters or undecodable bytes near the start (a char cut at the end of the window is forgiven). */
    private static boolean looksBinary(String text, boolean cut) {
        int end = Math.min(text.length(), BINARY_CHECK_CHARS);
        if (cut && end == text.length()) end = Math.max(0, end - 1);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return true;
        }
        return false;
    }

    @Override public String toString() {
        return "Redactor[" + secrets.size() + " known secret forms]";
    }
}

package dev.llmbench.harness.endpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of result files: URLs lose their user-info and credential-like query parameters, and values
 * stored under secret-like names (headers such as {@code Authorization}, {@code api-key}, {@code x-api-key};
 * configuration keys such as {@code apiKey}, {@code token}, {@code password}) are replaced by {@link #REDACTED}.
 */
public final class Redaction {

    /** What a secret value is replaced by. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern URL_START = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    /** Names (lower case, letters and digits only) that always hold secrets. */
    private static final Set<String> SECRET_NAMES = Set.of(
            "authorization", "proxyauthorization", "apikey", "xapikey", "key", "token", "accesstoken",
            "password", "passwd", "pwd", "secret", "clientsecret", "cookie", "setcookie", "bearer",
            "auth", "credential", "credentials", "privatekey", "sessionid");

    /** Query parameter names (normalised as above) that hold signatures rather than keys. */
    private static final Set<String> SECRET_PARAMS = Set.of("sig", "signature", "xamzsignature", "xamzcredential",
            "xgoogsignature", "xgoogcredential");

    private Redaction() {
    }

    /**
     * The URL without credentials: the user-info ({@code user:password@}) is removed, and so is every query
     * parameter whose name is secret-like ({@code key}, {@code api_key}, {@code apiKey}, {@code token},
     * {@code access_token}, {@code password}, {@code secret}, {@code sig}, … — see {@link #isSecretName}, compared
     * ignoring case, {@code -} and {@code _}). A query left empty loses its {@code ?}; the fragment is kept.
     * A string that is not an absolute URL ({@code scheme://…}) is returned unchanged; null gives null.
     */
    public static String stripCredentials(String url) {
        if (url == null) return null;
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0 || !URL_START.matcher(url).matches()) return url;
        int authorityStart = schemeEnd + 3;
        int authorityEnd = url.length();
        for (int i = authorityStart; i < url.length(); i++) {
            char ch = url.charAt(i);
            if (ch == '/' || ch == '?' || ch == '#') {
                authorityEnd = i;
                break;
            }
        }
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        String rest = url.substring(authorityEnd);
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash);
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            String path = rest.substring(0, q);
            StringBuilder kept = new StringBuilder();
            for (String param : rest.substring(q + 1).split("&")) {
                if (param.isEmpty()) continue;
                int eq = param.indexOf('=');
                String name = eq < 0 ? param : param.substring(0, eq);
                if (isSecretQueryParameter(decode(name))) continue;
                if (kept.length() > 0) kept.append('&');
                kept.append(param);
            }
            rest = kept.length() == 0 ? path : path + "?" + kept;
        }
        return url.substring(0, authorityStart) + authority + rest + fragment;
    }

    /**
     * True when a header, configuration key or query parameter of this name holds a secret: compared in lower case
     * with everything but letters and digits removed (so {@code X-Api-Key}, {@code x_api_key} and {@code xApiKey}
     * are the same), it is one of {@code authorization, proxy-authorization, api-key, x-api-key, key, token,
     * access_token, password, secret, client_secret, cookie, …} or ends in {@code apikey}, {@code token},
     * {@code secret} or {@code password}. Dotted configuration keys are judged by their last segment.
     * ({@code max_tokens} and {@code api_key_env}, the name of a variable, are not secrets.)
     */
    public static boolean isSecretName(String name) {
        if (name == null) return false;
        int dot = name.lastIndexOf('.');
        String n = normalise(dot >= 0 ? name.substring(dot + 1) : name);
        return SECRET_NAMES.contains(n) || n.endsWith("apikey") || n.endsWith("token") || n.endsWith("secret")
                || n.endsWith("password");
    }

    private static boolean isSecretQueryParameter(String name) {
        return isSecretName(name) || SECRET_PARAMS.contains(normalise(name));
    }

    private static String normalise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /**
     * A configuration string made safe to store: an absolute URL loses its credentials ({@link #stripCredentials});
     * a header line or assignment under a secret-like name ({@code "Authorization: Bearer …"},
     * {@code "api_key=…"}) keeps its name and loses its value.
     */
    public static String redactString(String s) {
        if (s == null) return null;
        if (looksLikeUrl(s)) return stripCredentials(s);
        java.util.regex.Matcher m = HEADER_LINE.matcher(s);
        if (m.matches() && isSecretName(m.group(1))) return m.group(1) + m.group(2) + REDACTED;
        return s;
    }

    private static final Pattern HEADER_LINE = Pattern.compile("\\s*([A-Za-z0-9_.-]+)(\\s*[:=]\\s*).*", Pattern.DOTALL);

    /** True when {@code s} looks like an absolute URL ({@code scheme://…}). */
    static boolean looksLikeUrl(String s) {
        return s.indexOf("://") > 0 && URL_START.matcher(s).matches();
    }
}

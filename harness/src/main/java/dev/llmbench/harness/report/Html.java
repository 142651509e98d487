package dev.llmbench.harness.report;

/** HTML escaping for every string that came from a server or a user. */
public final class Html {

    private Html() {
    }

    /**
     * {@code s} safe as HTML text and as a double- or single-quoted attribute value: {@code & < > " '} become entities,
     * control characters other than tab, newline and carriage return are dropped. Null gives "".
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                    if (c == 0x7f) break;
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}

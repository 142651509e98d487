package dev.llmbench.harness.workload.tokenizer;

/**
 * GPT-2's reversible byte ↔ printable-character table (the {@code bytes_to_unicode} of the original encoder): byte
 * values that are printable Latin-1 map to themselves, the other 68 to U+0100 onwards. Precomputed, immutable.
 */
final class ByteLevel {
    /** Character standing for each byte. */
    static final char[] BYTE_TO_CHAR = new char[256];
    /** Byte for each character of the table, -1 elsewhere (index by char value below 0x200). */
    static final int[] CHAR_TO_BYTE = new int[0x200];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) (256 + n++);
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteLevel() {
    }

    /** The table string of {@code bytes}. */
    static String toChars(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        return new String(out);
    }

    /** The bytes of a table string, or null if it has a character outside the table. */
    static byte[] toBytes(String chars) {
        byte[] out = new byte[chars.length()];
        for (int i = 0; i < out.length; i++) {
            char c = chars.charAt(i);
            int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
            if (b < 0) return null;
            out[i] = (byte) b;
        }
        return out;
    }
}

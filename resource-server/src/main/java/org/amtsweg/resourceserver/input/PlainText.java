package org.amtsweg.resourceserver.input;

/**
 * The platform's one rule for text ("Klartext"): every string a service accepts consists of XML 1.0
 * characters — tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF.
 *
 * <p>Why this rule: what a citizen types ends up in PostgreSQL (which refuses U+0000), in the XML
 * export to a specialist procedure (which cannot carry other C0 controls or U+FFFE/U+FFFF) and in
 * PDFs; a lone surrogate is no character at all and would silently turn into {@code ?}. Refusing
 * such text where it enters keeps every later step from failing on it.
 */
public final class PlainText {

    private PlainText() {}

    /** The index of the first char that breaks the rule, or -1 when the whole text is acceptable. */
    public static int firstForbidden(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // the common case first: printable text below the surrogates
            }
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a supplementary character (U+10000 and above), written as a surrogate pair
                continue;
            }
            return i;
        }
        return -1;
    }

    public static boolean isAcceptable(CharSequence text) {
        return firstForbidden(text) < 0;
    }

    /**
     * How a refused character is named to the person who sent it: its code point, never the
     * character itself (which may not even be printable).
     */
    public static String describeForbidden(CharSequence text) {
        int index = firstForbidden(text);
        if (index < 0) {
            return "";
        }
        return String.format("U+%04X", (int) text.charAt(index));
    }
}

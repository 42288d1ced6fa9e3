package dev.mnemo.terminal;

import java.util.regex.Pattern;

/** What goes from the keyboard to the server and from the server to the screen: text, never terminal controls. */
final class Texts {
    /** CSI sequences (arrows, colours: ESC [ … final byte), OSC ones (titles: ESC ] … BEL or ESC \), and two-byte ones. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-Z\\\\^_]|\u009B[0-?]*[ -/]*[@-~]");

    private Texts() {
    }

    /** A typed or pasted line without control characters (an escape sequence a key or a paste left behind). */
    static String typed(String line) {
        return withoutControls(line).strip();
    }

    /** A reply as shown: an escape sequence in it (from a model, or a reminder's text) cannot drive the terminal. */
    static String shown(String text) {
        return withoutControls(text);
    }

    /** Marks that reorder what follows them on screen: text shown could read other than what was sent. */
    private static boolean bidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    private static String withoutControls(String text) {
        String sequencesOut = ESCAPE_SEQUENCE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        StringBuilder out = new StringBuilder(sequencesOut.length());
        sequencesOut.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c) && !bidiControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

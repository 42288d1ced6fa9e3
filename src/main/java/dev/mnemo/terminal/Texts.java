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

    /** Characters as a person counts them, and as the server's limit does: code points. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String withoutControls(String text) {
        String sequencesOut = ESCAPE_SEQUENCE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        StringBuilder out = new StringBuilder(sequencesOut.length());
        sequencesOut.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

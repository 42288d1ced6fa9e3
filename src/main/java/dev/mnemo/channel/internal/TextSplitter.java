package dev.mnemo.channel.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a long text into parts a channel accepts, at sentence ends where it can, else at a space. */
public final class TextSplitter {
    private TextSplitter() {
    }

    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastBoundary(rest, max);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The end of the last sentence (or line, or word) that fits; a hard cut only for a word longer than max. */
    private static int lastBoundary(String text, int max) {
        for (int i = max; i > max / 3; i--) {
            char before = text.charAt(i - 1);
            if ((before == '.' || before == '!' || before == '?' || before == '\n') && Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        for (int i = max; i > max / 3; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }
}

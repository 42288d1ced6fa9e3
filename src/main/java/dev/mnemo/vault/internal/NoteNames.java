package dev.mnemo.vault.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names every system keeps: none of the characters Windows, macOS, Linux or Obsidian's links refuse
 * ({@code []#^|\:*?"<>/}, control characters), no reserved Windows device name, no trailing dot or space, and at most
 * 255 bytes of UTF-8 with the extension. Uniqueness regardless of case is the layout's job: it compares
 * {@link #key}s.
 */
final class NoteNames {
    static final int MAX_BYTES = 255;
    private static final Pattern REFUSED = Pattern.compile("[\\[\\]#^|\\\\:*?\"<>/\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");
    private static final Pattern TRAILING = Pattern.compile("[. ]+$");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private NoteNames() {
    }

    /**
     * A safe name for a note titled {@code title}, leaving room for {@code suffix} (kept whole) and ".md".
     */
    static String of(String title, String suffix) {
        String name = SPACES.matcher(REFUSED.matcher(title == null ? "" : title).replaceAll(" ")).replaceAll(" ").strip();
        name = stripTrailing(name);
        if (name.startsWith(".")) {
            name = LEADING_DOTS.matcher(name).replaceFirst("").strip();
        }
        int room = MAX_BYTES - utf8(suffix) - utf8(".md");
        if (utf8(name) > room) {
            name = stripTrailing(cut(name, room));
        }
        if (name.isEmpty()) {
            name = "Untitled";
        }
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            name = stem.strip() + "_" + (dot < 0 ? "" : name.substring(dot));
        }
        return name + suffix;
    }

    /** How two names compare on a file system that ignores case. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String stripTrailing(String name) {
        return TRAILING.matcher(name).replaceFirst("");
    }

    private static String cut(String text, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

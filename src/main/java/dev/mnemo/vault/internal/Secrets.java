package dev.mnemo.vault.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a git failure may say, without the token or any password written into the remote's URL. */
final class Secrets {
    /** A note's path in a folder whose names come from memories: up to the last ".md" of the line, to be safe. */
    private static final Pattern NOTE_NAME = Pattern.compile("(?:Memories|_Archive|Conflicts|People|Topics)/[^\\n]*\\.md");
    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    private Secrets() {
    }

    /** As {@link #hidden(Throwable, String)}, and without the folder's path or the words of a memory note's name. */
    static String hidden(Throwable e, String token, Path root) {
        String text = hidden(e, token).replace(root.toAbsolutePath().normalize().toString(), "<vault>");
        return NOTE_NAME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(VaultView.shortName(m.group())));
    }

    static String hidden(Throwable e, String token) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null && message.length() < 400; t = t.getCause()) {
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(message.isEmpty() ? "" : ": ").append(t.getMessage());
            }
        }
        String text = message.isEmpty() ? e.getClass().getSimpleName() : message.toString();
        if (token != null && !token.isBlank()) {
            text = text.replace(token, "***");
        }
        text = USER_INFO.matcher(text).replaceAll("$1***@");
        return text.length() > 480 ? text.substring(0, 480) + "…" : text;
    }
}

package dev.mnemo.conversation;

import java.util.Locale;

/** Where a message came from, and where its reply goes. */
public enum Channel {
    API, WEB, CLI, SMS, DISCORD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

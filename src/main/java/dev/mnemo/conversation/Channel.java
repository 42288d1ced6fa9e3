package dev.mnemo.conversation;

import java.util.Locale;

/** Where a message came from, and where its reply goes. */
public enum Channel {
    API, WEB, CLI, SMS, DISCORD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this {@link #id()}, if any. */
    public static java.util.Optional<Channel> byId(String id) {
        return java.util.Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}

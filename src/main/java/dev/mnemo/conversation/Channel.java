package dev.mnemo.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a message came from, and where its reply goes. */
public enum Channel {
    API, WEB, CLI, SMS, DISCORD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel with this {@link #id()}, if any. */
    public static Optional<Channel> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}

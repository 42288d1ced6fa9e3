package dev.mnemo.user;

import java.time.ZoneId;
import java.util.Optional;

/** A person's settings; someone who never changed one gets the configured default. */
public interface UserSettings {

    /** The zone their "tomorrow at 6pm" means; {@code ASSISTANT_TIME_ZONE} unless they set their own. */
    ZoneId timeZone(String userId);

    void setTimeZone(String userId, ZoneId zone);

    /** The channel id they chose for messages Mnemo starts (reminders, check-ins); empty: where they last wrote from. */
    Optional<String> preferredChannel(String userId);

    /** @param channelId a channel id, or null to go back to "where they last wrote from" */
    void setPreferredChannel(String userId, String channelId);

    /** What Mnemo calls them in its prompts: the name they gave with {@code /name}, else their user id. */
    String displayName(String userId);

    /**
     * @param name 1 to {@value #MAX_NAME_LENGTH} characters, no line breaks or control characters
     * @throws IllegalArgumentException when the name is not one
     */
    void setDisplayName(String userId, String name);

    int MAX_NAME_LENGTH = 60;
}

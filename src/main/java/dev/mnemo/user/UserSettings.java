package dev.mnemo.user;

import java.time.ZoneId;

/** A person's settings; someone who never changed one gets the configured default. */
public interface UserSettings {

    /** The zone their "tomorrow at 6pm" means; {@code ASSISTANT_TIME_ZONE} unless they set their own. */
    ZoneId timeZone(String userId);

    void setTimeZone(String userId, ZoneId zone);

    /** The channel id they chose for messages Mnemo starts (reminders, check-ins); empty: where they last wrote from. */
    java.util.Optional<String> preferredChannel(String userId);

    /** @param channelId a channel id, or null to go back to "where they last wrote from" */
    void setPreferredChannel(String userId, String channelId);
}

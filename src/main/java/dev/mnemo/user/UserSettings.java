package dev.mnemo.user;

import java.time.ZoneId;
import java.time.LocalTime;
import java.util.Objects;
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

    /**
     * Whether Mnemo may write first (check-ins) and when not to: from {@code quietStart} until {@code quietEnd}, local
     * time (equal: no quiet hours).
     */
    record CheckInChoice(boolean enabled, LocalTime quietStart, LocalTime quietEnd) {
        public CheckInChoice {
            Objects.requireNonNull(quietStart, "quietStart");
            Objects.requireNonNull(quietEnd, "quietEnd");
        }
    }

    /** The person's own check-in choice; empty: they never made one, the configured check-ins apply. */
    Optional<CheckInChoice> checkIns(String userId);

    void setCheckIns(String userId, CheckInChoice choice);
}

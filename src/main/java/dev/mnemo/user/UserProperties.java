package dev.mnemo.user;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param timeZone default zone of every person (an IANA id such as {@code Europe/Lisbon}); blank: the server's */
@ConfigurationProperties("assistant.user")
record UserProperties(String timeZone) {

    ZoneId defaultZone() {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ASSISTANT_TIME_ZONE '" + timeZone + "' is not a time zone id such as Europe/Lisbon", e);
        }
    }
}

package dev.mnemo.user;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserSettings implements UserSettings {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId defaultZone;

    JdbcUserSettings(JdbcClient jdbc, Clock clock, UserProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultZone = properties.defaultZone();
    }

    @Override
    public ZoneId timeZone(String userId) {
        return jdbc.sql("SELECT time_zone FROM user_settings WHERE user_id = ?").param(userId)
                .query(String.class).optional()
                .filter(zone -> !zone.isBlank())
                .map(ZoneId::of)
                .orElse(defaultZone);
    }

    @Override
    public Optional<String> preferredChannel(String userId) {
        return jdbc.sql("SELECT preferred_channel FROM user_settings WHERE user_id = ?").param(userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(c -> c);
    }

    @Override
    public void setPreferredChannel(String userId, String channelId) {
        jdbc.sql("""
                INSERT INTO user_settings (user_id, preferred_channel, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET preferred_channel = excluded.preferred_channel, updated_at = excluded.updated_at""")
                .params(userId, channelId, clock.millis()).update();
    }

    @Override
    public String displayName(String userId) {
        return jdbc.sql("SELECT display_name FROM user_settings WHERE user_id = ?").param(userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(name -> name)
                .orElse(userId);
    }

    @Override
    public void setDisplayName(String userId, String name) {
        String clean = name == null ? "" : name.strip();
        int length = clean.codePointCount(0, clean.length());
        if (length == 0 || length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE || c == '\u2028' || c == '\u2029')) {
            throw new IllegalArgumentException("a name has no line breaks or control characters");
        }
        jdbc.sql("""
                INSERT INTO user_settings (user_id, display_name, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, updated_at = excluded.updated_at""")
                .params(userId, clean, clock.millis()).update();
    }

    @Override
    public void setTimeZone(String userId, ZoneId zone) {
        jdbc.sql("""
                INSERT INTO user_settings (user_id, time_zone, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .params(userId, zone.getId(), clock.millis()).update();
    }

    @Override
    public Optional<CheckInChoice> checkIns(String userId) {
        return jdbc.sql("SELECT checkins_enabled, quiet_start, quiet_end FROM user_settings WHERE user_id = ? "
                        + "AND checkins_enabled IS NOT NULL").param(userId)
                .query((rs, n) -> new CheckInChoice(rs.getInt(1) == 1, LocalTime.parse(rs.getString(2)),
                        LocalTime.parse(rs.getString(3))))
                .optional();
    }

    @Override
    public void setCheckIns(String userId, CheckInChoice choice) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        jdbc.sql("""
                INSERT INTO user_settings (user_id, checkins_enabled, quiet_start, quiet_end, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET checkins_enabled = excluded.checkins_enabled,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = excluded.updated_at""")
                .params(userId, choice.enabled() ? 1 : 0, hhmm.format(choice.quietStart()), hhmm.format(choice.quietEnd()),
                        clock.millis()).update();
    }
}

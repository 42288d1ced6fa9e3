package dev.mnemo.user;

import java.time.Clock;
import java.time.ZoneId;
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
    public java.util.Optional<String> preferredChannel(String userId) {
        return jdbc.sql("SELECT preferred_channel FROM user_settings WHERE user_id = ?").param(userId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional().flatMap(c -> c);
    }

    @Override
    public void setPreferredChannel(String userId, String channelId) {
        jdbc.sql("""
                INSERT INTO user_settings (user_id, preferred_channel, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET preferred_channel = excluded.preferred_channel, updated_at = excluded.updated_at""")
                .params(userId, channelId, clock.millis()).update();
    }

    @Override
    public void setTimeZone(String userId, ZoneId zone) {
        jdbc.sql("""
                INSERT INTO user_settings (user_id, time_zone, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .params(userId, zone.getId(), clock.millis()).update();
    }
}

package dev.mnemo.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Per-person settings behave the same on every database adapter. */
abstract class UserSettingsContract {
    @Autowired
    UserSettings settings;

    @Test
    void aPersonWithoutSettingsGetsTheDefaultAndTheirOwnOnceSet() {
        String user = "settings-" + UUID.randomUUID();
        ZoneId before = settings.timeZone(user);

        settings.setTimeZone(user, ZoneId.of("Asia/Tokyo"));
        settings.setTimeZone(user, ZoneId.of("America/Sao_Paulo")); // an update, not a second row

        assertThat(before).isEqualTo(ZoneId.systemDefault()); // ASSISTANT_TIME_ZONE is blank in tests
        assertThat(settings.timeZone(user)).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(settings.timeZone("other-" + user)).isEqualTo(before);
    }
}

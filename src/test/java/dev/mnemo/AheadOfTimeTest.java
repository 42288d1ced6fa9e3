package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The build's ahead-of-time definitions are used only under the settings they were made for. */
class AheadOfTimeTest {
    private static final String[] NO_ARGS = {};

    @Test
    void theDefaultsAndTheDocumentedSettingsKeepThem() {
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of(), new Properties(), NO_ARGS)).isEmpty();
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("MANAGEMENT_SERVER_PORT", "", "MANAGEMENT_SERVER_ADDRESS", "",
                "SERVER_FORWARD_HEADERS_STRATEGY", "native"), new Properties(), NO_ARGS)).isEmpty();
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("MANAGEMENT_SERVER_PORT", "8080", "SERVER_PORT", "8080"),
                new Properties(), NO_ARGS)).isEmpty();
    }

    @Test
    void aManagementPortOfItsOwnOrTheForwardedHeaderFilterTurnsThemOff() {
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("MANAGEMENT_SERVER_PORT", "9464"), new Properties(), NO_ARGS))
                .contains("management.server.port=9464");
        Properties system = new Properties();
        system.setProperty("management.server.port", "9464");
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of(), system, NO_ARGS)).contains("management.server.port=9464");
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of(), new Properties(), new String[] {"--management.server.port=9464"}))
                .contains("management.server.port=9464");
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "FRAMEWORK"),
                new Properties(), NO_ARGS)).contains("server.forward-headers-strategy=FRAMEWORK");
    }

    @Test
    void anArgumentWinsOverTheEnvironment() {
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("MANAGEMENT_SERVER_PORT", "9464"), new Properties(),
                new String[] {"--management.server.port="})).isEmpty();
    }
}

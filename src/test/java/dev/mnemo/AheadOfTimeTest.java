package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's ahead-of-time definitions are used only when none of Spring Boot's own settings is given. */
class AheadOfTimeTest {
    private static final String[] NO_ARGS = {};
    @TempDir
    Path dir;

    @Test
    void mnemosOwnSettingsKeepThem() {
        assertThat(AheadOfTime.settingThatChoosesBeans(Map.of("ASSISTANT_MCP_ENABLED", "true", "SERVER_PORT", "9000",
                "MANAGEMENT_SERVER_PORT", "", "MANAGEMENT_SERVER_ADDRESS", " ", "SERVER_FORWARD_HEADERS_STRATEGY", "native"),
                training(), new String[] {"--server.port=9000", "--assistant.data-dir=/tmp/x"}, dir)).isEmpty();
    }

    @Test
    void anyOfSpringBootsOwnTurnsThemOff() throws Exception {
        assertThat(off(Map.of("MANAGEMENT_SERVER_PORT", "9464"), new Properties(), NO_ARGS)).contains("MANAGEMENT_SERVER_PORT=9464");
        assertThat(off(Map.of("management.server.port", "0"), new Properties(), NO_ARGS)).isPresent();
        assertThat(off(Map.of("SPRING_APPLICATION_JSON", "{}"), new Properties(), NO_ARGS)).isPresent();
        assertThat(off(Map.of("SPRING_PROFILES_ACTIVE", "prod"), new Properties(), NO_ARGS)).isPresent();
        assertThat(off(Map.of("SERVER_FORWARDHEADERSSTRATEGY", "FRAMEWORK"), new Properties(), NO_ARGS)).isPresent();
        assertThat(off(Map.of("SERVER_FORWARD_HEADERS_STRATEGY", "framework"), new Properties(), NO_ARGS)).isPresent();
        Properties system = new Properties();
        system.setProperty("management.endpoints.web.exposure.include", "health,info");
        assertThat(off(Map.of(), system, NO_ARGS)).isPresent();
        assertThat(off(Map.of(), new Properties(), new String[] {"--spring.config.location=/etc/mnemo/"})).isPresent();
        assertThat(off(Map.of(), new Properties(), new String[] {"--server.forwardHeadersStrategy=framework"})).isPresent();
        Files.writeString(dir.resolve("application.yml"), "spring.jmx.enabled: true\n");
        assertThat(off(Map.of(), new Properties(), NO_ARGS)).contains("./application.yml");
    }

    private Properties training() {
        Properties system = new Properties();
        system.setProperty("spring.context.exit", "onRefresh");
        return system;
    }

    private Optional<String> off(Map<String, String> env, Properties system, String[] args) {
        return AheadOfTime.settingThatChoosesBeans(env, system, args, dir);
    }
}

package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The token-free management port listens on 127.0.0.1 unless told otherwise, and only a port gets an address. */
class ManagementAddressDefaultTest {

    @Test
    void aManagementPortWithoutAnAddressListensOnThisMachineOnly() {
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", "9464"))).isEqualTo("127.0.0.1");
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", "9464", "MANAGEMENT_SERVER_ADDRESS", "0.0.0.0")))
                .isEqualTo("0.0.0.0");
        assertThat(addressWith(Map.of())).isNull();
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", ""))).isNull();
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", "8080"))).as("the server's own port").isNull();
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", "9000", "SERVER_PORT", "9000"))).isNull();
        assertThat(addressWith(Map.of("MANAGEMENT_SERVER_PORT", "-1"))).isNull();
    }

    private static String addressWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new BlankEnvironmentVariables().postProcessEnvironment(environment, new SpringApplication());
        new ManagementAddressDefault().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("management.server.address");
    }
}

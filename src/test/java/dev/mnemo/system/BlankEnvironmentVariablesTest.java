package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A variable set to nothing is not set: its default applies, and binding still maps SERVER_PORT to server.port. */
class BlankEnvironmentVariablesTest {

    @Test
    void blankVariablesAreLeftOutAndTheRestStillBindRelaxed() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "ASSISTANT_MAX_OUTPUT_TOKENS", "", "ASSISTANT_MODEL_CHEAP", "  ", "SERVER_PORT", "9000")));

        new BlankEnvironmentVariables().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("ASSISTANT_MAX_OUTPUT_TOKENS")).isNull();
        assertThat(environment.getProperty("ASSISTANT_MODEL_CHEAP")).isNull();
        assertThat(environment.getProperty("assistant.max-output-tokens", "1024")).isEqualTo("1024");
        assertThat(Binder.get(environment).bind("server.port", Integer.class).get()).isEqualTo(9000);
    }
}

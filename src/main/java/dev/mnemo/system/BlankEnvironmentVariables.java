package dev.mnemo.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An environment variable set to nothing ({@code ASSISTANT_MAX_OUTPUT_TOKENS=}, as a copied {@code .env.example} or
 * a compose file's {@code ${VAR:-}} leaves it) means "not set": its default applies, instead of an empty value that
 * fails to bind or switches something off by accident. Runs before the configuration files are read.
 */
public class BlankEnvironmentVariables implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> source = environment.getPropertySources().get(name);
        if (!(source instanceof MapPropertySource variables)) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        variables.getSource().forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                set.put(key, value);
            }
        });
        if (set.size() != variables.getSource().size()) {
            environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, set));
        }
    }

    /** After Spring Boot puts its own system environment source in place, before the config files are read. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 6;
    }
}

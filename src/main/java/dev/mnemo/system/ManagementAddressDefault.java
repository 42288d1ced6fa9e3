package dev.mnemo.system;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A management port of its own ({@code MANAGEMENT_SERVER_PORT}) answers on 127.0.0.1 unless
 * {@code MANAGEMENT_SERVER_ADDRESS} says otherwise: it serves metrics without a token, so it must never listen on
 * every interface by omission. Not set without the port, where Spring Boot refuses an address.
 */
public class ManagementAddressDefault implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "mnemoManagementAddressDefault";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port", "").strip();
        String server = environment.getProperty("server.port", "8080").strip();
        String address = environment.getProperty("management.server.address");
        // Only a port of its own: the same port as the server's, or -1 (none), takes no address.
        boolean separate = !port.isEmpty() && !port.equals(server) && !port.equals("-1");
        if (separate && (address == null || address.isBlank())) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("management.server.address", "127.0.0.1")));
        }
    }

    /** After the configuration files are read (Spring Boot's config data processor runs at +10). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}

package dev.mnemo.testing;

import dev.mnemo.MnemoApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A whole application started by hand — for tests of restarts and of several instances — offline, with
 * background work off, on a random port: the same base as {@link AppInitializer}, plus the given properties.
 */
public final class Instances {
    private Instances() {
    }

    /** @param clock the instance's clock, or null for the system clock */
    public static ConfigurableApplicationContext start(Clock clock, String dataDir, String... properties) {
        return start(clock, dataDir, List.of(), properties);
    }

    /** @param beans test components this instance has besides the application's own */
    public static ConfigurableApplicationContext start(Clock clock, String dataDir, List<Class<?>> beans,
                                                       String... properties) {
        // Given properties replace the base ones of the same name (repeated arguments would be joined instead).
        Map<String, String> arguments = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(List.of("server.port=0"));
        all.addAll(AppInitializer.base(dataDir));
        all.addAll(List.of(properties));
        for (String property : all) {
            int eq = property.indexOf('=');
            arguments.put(property.substring(0, eq), property.substring(eq + 1));
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MnemoApplication.class)
                .sources(beans.toArray(Class<?>[]::new));
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        }
        // Command-line arguments: they outrank application.yml (builder properties would not).
        return builder.run(arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}

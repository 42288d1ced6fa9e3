package dev.mnemo;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.aot.AotDetector;
import org.springframework.core.SpringProperties;

/**
 * Whether serving uses the bean definitions the build made ahead of time (Spring's AOT processing, when Maven ran
 * on a JDK 21 or newer: about a second less to start, BENCHMARKS.md). They fix every {@code @Conditional} as it was
 * when the jar was built, so they are used only when the settings that choose beans are as they were then: no
 * management port of its own (its own web server, a child context) and no forwarded-header filter. Only serving
 * uses them (they were made for the web server's context, not the batch commands' one), only from the jar (they
 * are made when it is packaged: a compile since, in target/classes, may have outdated them), and never against an
 * explicit {@code -Dspring.aot.enabled}.
 */
final class AheadOfTime {
    /** What a build without them leaves, so that a jar from an older build's classes is never taken for one. */
    static final String INITIALIZER = MnemoApplication.class.getSimpleName() + "__ApplicationContextInitializer.class";

    private AheadOfTime() {
    }

    static void useWhenBuilt(String[] args) {
        URL self = MnemoApplication.class.getResource(MnemoApplication.class.getSimpleName() + ".class");
        boolean built = self != null && self.toString().startsWith("jar:")
                && MnemoApplication.class.getResource(INITIALIZER) != null;
        if (built && SpringProperties.getProperty(AotDetector.AOT_ENABLED) == null
                && settingThatChoosesBeans(System.getenv(), System.getProperties(), args).isEmpty()) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /** The first setting under which the build's definitions would be wrong, as it was given. */
    static Optional<String> settingThatChoosesBeans(Map<String, String> env, Properties system, String[] args) {
        Optional<String> managementPort = setting("management.server.port", env, system, args);
        Optional<String> serverPort = setting("server.port", env, system, args);
        if (managementPort.isPresent() && !managementPort.equals(serverPort)) {
            return Optional.of("management.server.port=" + managementPort.get());
        }
        return setting("server.forward-headers-strategy", env, system, args)
                .filter(strategy -> strategy.toLowerCase(Locale.ROOT).equals("framework"))
                .map(strategy -> "server.forward-headers-strategy=" + strategy);
    }

    /** A command-line argument wins over a system property, which wins over the environment, as in Spring Boot. */
    private static Optional<String> setting(String name, Map<String, String> env, Properties system, String[] args) {
        for (String arg : List.of(args).reversed()) {
            if (arg.startsWith("--" + name + "=")) {
                return present(arg.substring(name.length() + 3));
            }
        }
        if (system.getProperty(name) != null) {
            return present(system.getProperty(name));
        }
        return present(env.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}

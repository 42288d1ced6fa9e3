package dev.mnemo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.springframework.aot.AotDetector;
import org.springframework.core.SpringProperties;

/**
 * Whether serving uses the bean definitions the build made ahead of time (Spring's AOT processing, when Maven ran
 * on a JDK 21 or newer: about a second less to start, BENCHMARKS.md). They fix every {@code @Conditional} as it was
 * when the jar was built. Mnemo's own settings never choose beans (they are read at run time), but Spring Boot's do
 * — a management port of its own, the forwarded-header filter, which endpoints and health checks exist, profiles
 * and extra configuration files — so the definitions are used only when none of Spring Boot's own settings is given
 * (no {@code SPRING_*} or {@code MANAGEMENT_*} variable, no {@code spring.*} or {@code management.*} property or
 * argument, no {@code application.*} or {@code config/} in the working directory, no framework forwarded headers).
 * Only serving uses them (they were made for the web server's context, not the batch commands' one), only from the
 * jar (they are made when it is packaged: a compile since, in target/classes, may have outdated them), and never
 * against an explicit {@code -Dspring.aot.enabled}.
 */
final class AheadOfTime {
    /** What a build without them leaves, so that a jar from an older build's classes is never taken for one. */
    static final String INITIALIZER = MnemoApplication.class.getSimpleName() + "__ApplicationContextInitializer.class";
    /** Set by ./mnemo's training run and by this class: they choose no beans. */
    private static final Set<String> HARMLESS = Set.of(AotDetector.AOT_ENABLED, "spring.context.exit");
    private static final List<String> CONFIG_FILES = List.of("application.properties", "application.yml",
            "application.yaml", "config");

    private AheadOfTime() {
    }

    static void useWhenBuilt(String[] args) {
        URL self = MnemoApplication.class.getResource(MnemoApplication.class.getSimpleName() + ".class");
        boolean built = self != null && self.toString().startsWith("jar:")
                && MnemoApplication.class.getResource(INITIALIZER) != null;
        if (built && SpringProperties.getProperty(AotDetector.AOT_ENABLED) == null
                && settingThatChoosesBeans(System.getenv(), System.getProperties(), args, Path.of("")).isEmpty()) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /** The first of Spring Boot's own settings given, as it was given; empty when there is none. */
    static Optional<String> settingThatChoosesBeans(Map<String, String> env, Properties system, String[] args,
                                                    Path workingDirectory) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if ((name.startsWith("SPRING_") || name.startsWith("MANAGEMENT_")) && !e.getValue().isBlank()
                    || name.replace("_", "").equals("SERVERFORWARDHEADERSSTRATEGY") && framework(e.getValue())) {
                return Optional.of(e.getKey() + "=" + e.getValue());
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (boots(name, system.getProperty(name))) {
                return Optional.of(name + "=" + system.getProperty(name));
            }
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && boots(arg.substring(2, equals < 0 ? arg.length() : equals),
                    equals < 0 ? "" : arg.substring(equals + 1))) {
                return Optional.of(arg);
            }
        }
        return CONFIG_FILES.stream().filter(file -> Files.exists(workingDirectory.resolve(file))).findFirst()
                .map(file -> "./" + file);
    }

    private static boolean boots(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (HARMLESS.contains(key) || value == null || value.isBlank()) {
            return false;
        }
        return key.startsWith("spring.") || key.startsWith("management.")
                || key.replace("-", "").equals("server.forwardheadersstrategy") && framework(value);
    }

    private static boolean framework(String value) {
        return value.strip().equalsIgnoreCase("framework");
    }
}

package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The application as its own operating-system process, from this test run's class path, on a data directory that
 * outlives it: started, then killed with SIGKILL ({@link #kill()}) or stopped, and started again on the same data.
 * Native access is allowed, as the jar's manifest allows it.
 */
public final class ChildApp implements AutoCloseable {
    private final Path dataDir;
    private final List<String> settings;
    private final Path log;
    private Process process;
    private int port;

    public ChildApp(Path dataDir, Path log, List<String> settings) {
        this.dataDir = dataDir;
        this.log = log;
        this.settings = settings;
    }

    /** Starts a new process on the same data directory and waits until its health says UP. */
    public ChildApp start() {
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("ASSISTANT_") || key.startsWith("ANTHROPIC_") || key.startsWith("OPENAI_")
                || key.startsWith("TWILIO_") || key.startsWith("DISCORD_") || key.equals("REDIS_URL") || key.startsWith("BACKUP_"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return awaitUp(process::isAlive);
    }

    /**
     * The command line of a start on a new free port, for a test that runs it elsewhere (in a terminal); then
     * {@link #awaitUp} waits for it.
     */
    public List<String> command() {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.mnemo.MnemoApplication",
                "serve", "--server.port=" + port, "--assistant.data-dir=" + dataDir, "--assistant.api-token=" + SqliteApp.API_TOKEN,
                "--assistant.db.url=", "--assistant.providers.openai.api-key=", "--assistant.providers.openai.base-url="));
        settings.forEach(setting -> command.add("--" + setting));
        return command;
    }

    /** Waits until the health of the process started from {@link #command()} says UP. */
    public ChildApp awaitUp(BooleanSupplier alive) {
        awaitHealth(port, alive, log);
        return this;
    }

    /** Waits until the server on this port answers its health check (no token needed), while it is alive. */
    public static void awaitHealth(int port, BooleanSupplier alive, Path log) {
        Api api = new Api(port, "");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("the application exited; see " + log);
                }
                try {
                    return api.send(api.request("/actuator/health").GET()).status() == 200;
                } catch (RuntimeException notYet) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the application did not start within 120 s; see " + log, e);
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port, SqliteApp.API_TOKEN);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

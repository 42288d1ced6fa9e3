package dev.mnemo.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when Redis answers ({@code MNEMO_TEST_REDIS_URL}, default redis://127.0.0.1:6379),
 * except in CI ({@code CI=true}), where an unreachable server must fail the build rather than skip the suite.
 */
public class RequiresRedis implements ExecutionCondition {
    public static final String URL = System.getenv().getOrDefault("MNEMO_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabases.inCi()) {
            return ConditionEvaluationResult.enabled("CI=true: the Redis suite always runs");
        }
        URI uri = URI.create(URL);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 1000);
            return ConditionEvaluationResult.enabled("Redis reachable at " + URL);
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("Redis unreachable at " + URL + " (" + e.getMessage()
                    + "); start it or set MNEMO_TEST_REDIS_URL. CI=true makes this a failure.");
        }
    }
}

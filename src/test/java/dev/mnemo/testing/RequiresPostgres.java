package dev.mnemo.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers, except in CI ({@code CI=true}), where an unreachable server
 * must fail the build rather than skip the suite.
 */
public class RequiresPostgres implements ExecutionCondition {
    private static volatile String problem;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabases.inCi()) {
            return ConditionEvaluationResult.enabled("CI=true: the PostgreSQL suite always runs");
        }
        if (!checked) {
            problem = TestDatabases.postgresProblem();
            checked = true;
        }
        return problem == null
                ? ConditionEvaluationResult.enabled("PostgreSQL reachable at " + TestDatabases.PG_URL)
                : ConditionEvaluationResult.disabled("PostgreSQL unreachable at " + TestDatabases.PG_URL
                        + " (" + problem + "); start it or set MNEMO_TEST_PG_URL. CI=true makes this a failure.");
    }
}

package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Every test that did not run, with its reason, in {@code target/skipped-tests.txt}, which the build prints after
 * the tests (pom.xml, antrun): Surefire's console only counts them, and a skip must never pass unnoticed.
 */
public class SkippedTestsReport implements TestExecutionListener {
    static final Path REPORT = Path.of("target", "skipped-tests.txt");
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        try {
            Files.deleteIfExists(REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        write(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            write(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private synchronized void write(TestIdentifier test, String reason) {
        String name = plan.getParent(test).map(parent -> parent.getDisplayName() + " > ").orElse("") + test.getDisplayName();
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, "SKIPPED " + name + ": " + reason + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

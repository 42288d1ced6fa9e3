package dev.mnemo.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link StartupRefused} into Spring Boot's start-up report: its one line, no stack trace. */
class StartupRefusedAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix what the line above names, then start Mnemo again.", cause);
    }
}

package dev.mnemo.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.mnemo.privacy.LogRedaction;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Errors to Sentry, only when {@code SENTRY_DSN} is set: every ERROR log line becomes an event, with the message
 * and exception texts PII-redacted before they leave, no user data ({@code sendDefaultPii} off), no tracing,
 * no breadcrumbs. Without a DSN nothing is sent anywhere.
 */
@Component
class ErrorReporting implements DisposableBean {
    private static final String APPENDER = "SENTRY";

    private final boolean enabled;

    ErrorReporting(@Value("${assistant.sentry.dsn}") String dsn, @Value("${assistant.sentry.environment}") String environment) {
        this.enabled = dsn != null && !dsn.isBlank();
        if (!enabled) {
            return;
        }
        Sentry.init(options -> {
            options.setDsn(dsn.strip());
            options.setEnvironment(environment);
            options.setSendDefaultPii(false);
            options.setEnableAutoSessionTracking(false);
            options.setMaxBreadcrumbs(0);
            options.setBeforeSend((event, hint) -> scrub(event));
        });
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        SentryAppender appender = new SentryAppender();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Everything textual in the event, redacted: the person's data stays here. */
    static SentryEvent scrub(SentryEvent event) {
        if (event.getMessage() != null) {
            event.getMessage().setFormatted(LogRedaction.redact(event.getMessage().getFormatted()));
            event.getMessage().setMessage(LogRedaction.redact(event.getMessage().getMessage()));
            event.getMessage().setParams(null);
        }
        if (event.getExceptions() != null) {
            // Exception messages quote rows, bodies and user text: types and stack frames are enough to debug.
            for (SentryException e : event.getExceptions()) {
                e.setValue(null);
            }
        }
        event.setUser(null);
        event.setServerName(null);
        return event;
    }

    @Override
    public void destroy() {
        if (enabled) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(APPENDER);
            Sentry.close();
        }
    }

    /** ERROR log events as Sentry events. */
    static final class SentryAppender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent log) {
            if (!log.getLevel().isGreaterOrEqual(Level.ERROR) || log.getLoggerName().startsWith("io.sentry")) {
                return;
            }
            IThrowableProxy proxy = log.getThrowableProxy();
            SentryEvent event = proxy instanceof ThrowableProxy t ? new SentryEvent(t.getThrowable()) : new SentryEvent();
            Message message = new Message();
            message.setFormatted(log.getFormattedMessage());
            event.setMessage(message);
            event.setLevel(SentryLevel.ERROR);
            event.setLogger(log.getLoggerName());
            Sentry.captureEvent(event);
        }
    }
}

package dev.mnemo.proactive;

import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due reminders through the person's channel. Each is claimed in the database first, so with several
 * instances exactly one sends it, and after a restart nothing due is lost. A crash between claim and send
 * leaves it UNCERTAIN rather than sending it twice.
 */
@Component
public class ReminderDelivery {
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final Reminders reminders;
    private final ReplySender replies;
    private final ProactiveProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ReminderDelivery(Reminders reminders, ReplySender replies, ProactiveProperties properties, Clock clock, MeterRegistry meters) {
        this.reminders = reminders;
        this.replies = replies;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${assistant.proactive.reminder-poll}", initialDelayString = "${assistant.proactive.reminder-poll}")
    void poll() {
        if (properties.background()) {
            deliverDue();
        }
    }

    /** Sends what is due now; returns how many went out. */
    public int deliverDue() {
        Instant now = clock.instant();
        int abandoned = reminders.abandonStaleClaims(now.minus(properties.claimLease()));
        if (abandoned > 0) {
            log.warn("{} reminders were being sent when an instance stopped; they may or may not have gone out and are "
                    + "not sent again (status UNCERTAIN)", abandoned);
        }
        int sent = 0;
        for (Reminder reminder : reminders.claimDue(now, BATCH)) {
            try {
                replies.send(reminder.userId(), "Reminder: " + reminder.text(), MessageKind.REMINDER);
                reminders.delivered(reminder);
                meters.counter("mnemo.reminders.sent").increment();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Reminder {} of user {} could not be sent ({}); trying again in a minute", reminder.id(),
                        reminder.userId(), e.getMessage());
                meters.counter("mnemo.reminders.failures").increment();
                reminders.deliveryFailed(reminder, now.plus(Duration.ofMinutes(1)));
            }
        }
        return sent;
    }
}

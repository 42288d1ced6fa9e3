package dev.mnemo.proactive;

import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.Reminders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due reminders through the person's channel. Each is claimed in the database just before it is sent,
 * so with several instances exactly one sends it, and a restart loses none (what is due is found by the next
 * poll). A crash or an ambiguous failure between claim and send never leads to a second send (UNCERTAIN, or
 * the next occurrence for a repeating reminder); only a certain refusal is retried.
 */
@Component
public class ReminderDelivery {
    static final int BATCH = 100;
    private static final Duration RETRY = Duration.ofMinutes(1);
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
    @SchedulerLock(name = "reminder-delivery", lockAtMostFor = "PT1M")
    public void poll() {
        if (properties.background()) {
            deliverDue();
        }
    }

    /** Sends what is due now, one claim at a time; returns how many went out. */
    public int deliverDue() {
        Instant now = clock.instant();
        int abandoned = reminders.abandonStaleClaims(now.minus(properties.claimLease()));
        if (abandoned > 0) {
            log.warn("{} reminders were being sent when an instance stopped; they may or may not have gone out and are "
                    + "not sent again", abandoned);
        }
        int sent = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<Reminder> claimed = reminders.claimNext(clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            if (send(claimed.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Reminder reminder) {
        try {
            replies.send(reminder.userId(), "Reminder: " + reminder.text(), MessageKind.REMINDER);
        } catch (ChannelUnavailableException e) {
            meters.counter("mnemo.reminders.failures").increment();
            if (e.maybeSent()) {
                log.warn("Reminder {} of user {} may or may not have gone out ({}); not sending it again", reminder.id(),
                        reminder.userId(), e.getMessage());
                reminders.deliveryUncertain(reminder);
            } else {
                log.warn("Reminder {} of user {} was refused ({}); trying again in a minute", reminder.id(),
                        reminder.userId(), e.getMessage());
                reminders.deliveryFailed(reminder, clock.instant().plus(RETRY));
            }
            return false;
        } catch (RuntimeException e) {
            // Unknown whether it went out: at most once.
            log.error("Sending reminder {} of user {} failed; not sending it again", reminder.id(), reminder.userId(), e);
            meters.counter("mnemo.reminders.failures").increment();
            reminders.deliveryUncertain(reminder);
            return false;
        }
        try {
            reminders.delivered(reminder);
        } catch (RuntimeException e) {
            // Sent, but not marked: the claim expires into "uncertain", never into a second send.
            log.error("Reminder {} was sent but could not be marked sent", reminder.id(), e);
        }
        meters.counter("mnemo.reminders.sent").increment();
        return true;
    }
}

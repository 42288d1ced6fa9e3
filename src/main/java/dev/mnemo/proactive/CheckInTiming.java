package dev.mnemo.proactive;

import dev.mnemo.conversation.Conversation;
import dev.mnemo.cost.CostLedger;
import dev.mnemo.user.UserSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether now is a time to write to someone first: not when they turned check-ins off, not in their quiet hours
 * (their own, else the configured ones), not while they are talking anyway, not while the last one is unanswered,
 * not once the month's budget is spent.
 */
@Component
class CheckInTiming {
    private final UserSettings settings;
    private final Conversation conversation;
    private final Clock clock;
    private final CostLedger costs;

    CheckInTiming(UserSettings settings, Conversation conversation, Clock clock, CostLedger costs) {
        this.settings = settings;
        this.conversation = conversation;
        this.clock = clock;
        this.costs = costs;
    }

    /** Now in the person's time zone, when a check-in may go out. */
    Optional<ZonedDateTime> openNow(String user, ProactiveProperties.CheckIns config) {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(settings.timeZone(user));
        Optional<UserSettings.CheckInChoice> own = settings.checkIns(user);
        if (own.isPresent() && !own.get().enabled()) {
            return Optional.empty();
        }
        boolean quiet = own.map(choice -> ProactiveProperties.CheckIns.quiet(local.toLocalTime(), choice.quietStart(), choice.quietEnd()))
                .orElseGet(() -> config.quiet(local.toLocalTime()));
        if (quiet) {
            return Optional.empty();
        }
        if (conversation.lastHeardFrom(user).filter(at -> at.isAfter(now.minus(config.skipIfSpokeWithin()))).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(local);
    }

    /** The month's budget is not spent: a check-in's words could be a template, but its SMS is billed too. */
    boolean withinBudget(String user) {
        return costs.mayRunInBackground(user, "CHECK_IN");
    }

    /**
     * The last check-in got no answer: no other goes out until the person writes again, so nothing is spent (or
     * sent) while they are away.
     */
    boolean lastOneUnanswered(String user, Instant lastSent) {
        return lastSent.toEpochMilli() > 0
                && conversation.lastHeardFrom(user).map(at -> at.isBefore(lastSent)).orElse(true);
    }
}

package dev.mnemo.conversation;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminder;
import dev.mnemo.reminder.ReminderTimes;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.user.UserSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Slash commands: the same on every channel, answered without any model call. */
@Component
class ChatCommands {
    static final int LISTED = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final CostLedger ledger;
    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;
    private final Reminders reminders;
    private final UserSettings settings;
    private final ChannelReach reach;
    private final Clock clock;

    ChatCommands(CostLedger ledger, MemoryRecall recall, MemoryIntake intake, MemoryControl control, Reminders reminders,
                 UserSettings settings, ChannelReach reach, Clock clock) {
        this.reminders = reminders;
        this.settings = settings;
        this.reach = reach;
        this.ledger = ledger;
        this.recall = recall;
        this.intake = intake;
        this.control = control;
        this.clock = clock;
    }

    String run(String userId, String messageId, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return switch (name) {
            case "/help", "/start" -> help();
            case "/cost" -> cost(userId);
            case "/remember" -> remember(userId, messageId, argument);
            case "/search" -> search(userId, argument);
            case "/memories" -> memories(userId);
            case "/forget" -> forget(userId, argument);
            case "/remind" -> remind(userId, messageId, argument);
            case "/reminders" -> reminders(userId);
            case "/timezone" -> timeZone(userId, argument);
            case "/channel" -> preferredChannel(userId, argument);
            case "/name" -> displayName(userId, argument);
            default -> "I don't know the command " + parts[0] + ". " + help();
        };
    }

    private static String help() {
        return """
                Commands:
                /remember <text> - keep this in long-term memory
                /search <topic> - what I remember about a topic
                /memories - the latest things I remember
                /forget <words or id> - delete memories (I show them and ask first)
                /remind <when> <what> - e.g. /remind tomorrow 9am call the dentist
                /reminders - your pending reminders (or ask me in words to set, move or cancel one)
                /timezone [zone] - show or set your time zone, e.g. /timezone Europe/Lisbon
                /channel [sms|discord|web|auto] - where reminders and check-ins reach you
                /name [name] - show or set what I call you, e.g. /name Priya
                /cost - what this month has cost so far
                /help - this list
                Anything else you write goes to the assistant.""";
    }

    private String remember(String userId, String messageId, String text) {
        if (text.isEmpty()) {
            return "What should I remember? Write it after the command, e.g. /remember my sister is Ana.";
        }
        WriteOutcome outcome = intake.remember(userId, text, messageId);
        return switch (outcome.action()) {
            case ADDED -> "I'll remember: " + outcome.memory().text();
            case MERGED -> "I already knew that; I'll hold on to it: " + outcome.memory().text();
            case CORRECTED -> "Updated what I remembered. Now: " + outcome.memory().text();
        };
    }

    private String search(String userId, String topic) {
        if (topic.isEmpty()) {
            return "Search for what? e.g. /search birthday";
        }
        List<Memory> found = recall.search(userId, topic, 5);
        return found.isEmpty() ? "I don't remember anything about that." : "What I remember:\n" + listing(found);
    }

    private String memories(String userId) {
        List<Memory> latest = recall.list(userId, LISTED);
        return latest.isEmpty() ? "I don't remember anything about you yet. Tell me, or use /remember."
                : "The latest things I remember:\n" + listing(latest);
    }

    private String forget(String userId, String argument) {
        if (argument.isEmpty()) {
            return "Forget what? e.g. /forget my old address, or /forget <id> from /memories.";
        }
        if (argument.equalsIgnoreCase("yes") || argument.equalsIgnoreCase("confirm")) {
            int deleted = control.confirmForget(userId);
            return deleted == 0 ? "There was nothing waiting to be forgotten (a request lasts 10 minutes)."
                    : "Forgotten: " + deleted + (deleted == 1 ? " memory" : " memories")
                            + ", with its history. It won't come back.";
        }
        List<Memory> matches = control.requestForget(userId, argument);
        if (matches.isEmpty()) {
            return "I don't remember anything matching that.";
        }
        return "This would forget:\n" + listing(matches)
                + "\nReply /forget yes to delete " + (matches.size() == 1 ? "it" : "these " + matches.size())
                + " for good, or /forget <id> to pick one.";
    }

    private String remind(String userId, String messageId, String argument) {
        ZoneId zone = settings.timeZone(userId);
        Optional<ReminderTimes.Parsed> parsed = ReminderTimes.parsePrefix(argument, clock.instant().atZone(zone));
        if (parsed.isEmpty() || parsed.get().rest().isBlank()) {
            return "When, and what? e.g. /remind tomorrow 9am call the dentist, /remind in 2 hours take the pills, "
                    + "/remind friday 18:30 dinner with Ana.";
        }
        try {
            Reminder reminder = reminders.schedule(userId, parsed.get().rest(), parsed.get().when().toInstant(), zone,
                    Recurrence.NONE, messageId);
            return "I'll remind you: " + reminder.text() + ", " + WHEN.format(reminder.dueAt().atZone(zone)) + " (" + zone.getId() + ").";
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            return "I can't set that reminder: " + e.getMessage() + ".";
        }
    }

    private String reminders(String userId) {
        List<Reminder> pending = reminders.pending(userId);
        if (pending.isEmpty()) {
            return "No reminders pending. Ask me in words, e.g. \"remind me to call Ana tomorrow at 6pm\".";
        }
        return pending.stream().map(r -> "- " + r.text() + ": " + WHEN.format(r.dueAt().atZone(r.timeZone()))
                        + (r.recurrence() == Recurrence.NONE ? "" : ", " + r.recurrence().name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("\n", "Pending reminders:\n", ""));
    }

    private String preferredChannel(String userId, String argument) {
        String wanted = argument.toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return "Reminders and check-ins reach you " + settings.preferredChannel(userId).map(c -> "on " + c)
                    .orElse("where you last wrote from") + ". Change it with /channel sms, discord, web or auto.";
        }
        if (wanted.equals("auto")) {
            settings.setPreferredChannel(userId, null);
            return "Reminders and check-ins will reach you where you last wrote from.";
        }
        Optional<Channel> channel = Channel.byId(wanted).filter(List.of(Channel.SMS, Channel.DISCORD, Channel.WEB)::contains);
        if (channel.isEmpty()) {
            return "I can reach you on sms, discord or web (the inbox of the API and terminal chat), or auto.";
        }
        String still = settings.preferredChannel(userId).map(c -> " You're still reached on " + c + ".")
                .orElse(" You're still reached where you last wrote from.");
        String refusal = switch (reach.reach(userId, channel.get())) {
            case REACHABLE -> null;
            case NOT_CONFIGURED -> wanted + " is not set up on this Mnemo, so nothing could reach you there"
                    + " (README: Channels)." + still;
            case UNKNOWN_PERSON -> "I have no " + wanted + " address for you (ASSISTANT_ALLOWED_SENDERS), so nothing"
                    + " could reach you there." + still;
            case OPTED_OUT -> "You opted out of " + wanted + " (text START there to opt back in), so nothing could"
                    + " reach you there." + still;
        };
        if (refusal != null) {
            return refusal;
        }
        settings.setPreferredChannel(userId, wanted);
        return "Reminders and check-ins will reach you on " + wanted + ".";
    }

    private String displayName(String userId, String argument) {
        if (argument.isEmpty()) {
            return "I call you " + settings.displayName(userId) + ". Change it with /name <name>, e.g. /name Priya.";
        }
        try {
            settings.setDisplayName(userId, argument);
        } catch (IllegalArgumentException e) {
            return "I can't use that name: " + e.getMessage() + ".";
        }
        return "I'll call you " + settings.displayName(userId) + ".";
    }

    private String timeZone(String userId, String argument) {
        if (argument.isEmpty()) {
            return "Your time zone is " + settings.timeZone(userId).getId() + ". Change it with /timezone <zone>, e.g. /timezone America/Sao_Paulo.";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(argument);
        } catch (DateTimeException e) {
            return "I don't know the time zone '" + argument + "'. Use a name like Europe/Lisbon or America/New_York.";
        }
        settings.setTimeZone(userId, zone);
        return "Your time zone is now " + zone.getId() + ": it's " + WHEN.format(clock.instant().atZone(zone)) + " there.";
    }

    private static String listing(List<Memory> memories) {
        return memories.stream().map(m -> "- " + m.text() + " [" + m.id().substring(0, 13) + "]")
                .collect(Collectors.joining("\n"));
    }

    private String cost(String userId) {
        CostReport report = ledger.report(userId, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        BigDecimal percent = report.totalUsd().multiply(BigDecimal.valueOf(100))
                .divide(report.budgetUsd(), 1, RoundingMode.HALF_UP);
        StringBuilder out = new StringBuilder("This month (%s): $%s of your $%s budget (%s%%), %d model calls."
                .formatted(report.month(), money(report.totalUsd()), money(report.budgetUsd()), percent, report.calls()));
        if (!report.byModel().isEmpty()) {
            out.append("\n").append(report.byModel().stream()
                    .map(line -> "%s: $%s (%d calls)".formatted(line.key(), money(line.costUsd()), line.calls()))
                    .collect(Collectors.joining("\n")));
        }
        if (report.cacheSavingsUsd().signum() != 0) {
            out.append("\nPrompt caching ").append(report.cacheSavingsUsd().signum() > 0 ? "saved" : "cost an extra")
                    .append(" $").append(money(report.cacheSavingsUsd().abs())).append('.');
        }
        if (report.unpricedCalls() > 0) {
            out.append("\n").append(report.unpricedCalls())
                    .append(" calls used a model with no price configured: their cost is unknown and not included.");
        }
        return out.toString();
    }

    private static String money(BigDecimal usd) {
        return usd.setScale(usd.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP).toPlainString();
    }
}

package dev.mnemo.conversation;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Slash commands: the same on every channel, answered without any model call. */
@Component
class ChatCommands {
    private final CostLedger ledger;
    private final Clock clock;

    ChatCommands(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    String run(String userId, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        return switch (name) {
            case "/help", "/start" -> help();
            case "/cost" -> cost(userId);
            default -> "I don't know the command " + parts[0] + ". " + help();
        };
    }

    private static String help() {
        return """
                Commands:
                /cost - what this month has cost so far
                /help - this list
                Anything else you write goes to the assistant.""";
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

package dev.mnemo.conversation;

import dev.mnemo.cost.ChannelCharge;
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

/**
 * {@code /cost}: this month against the budget, by model and by channel (SMS segments), with what caching saved and
 * what has no price.
 */
@Component
class CostCommand {
    private final CostLedger ledger;
    private final Clock clock;

    CostCommand(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    String cost(String userId) {
        CostReport report = ledger.report(userId, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        BigDecimal percent = report.totalUsd().multiply(BigDecimal.valueOf(100))
                .divide(report.budgetUsd(), 1, RoundingMode.HALF_UP);
        StringBuilder out = new StringBuilder("This month (%s): $%s of your $%s budget (%s%%), %d model calls%s."
                .formatted(report.month(), money(report.totalUsd()), money(report.budgetUsd()), percent, report.calls(),
                        report.byChannel().isEmpty() ? "" : "; models $" + money(report.modelsUsd())
                                + ", messaging $" + money(report.messagingUsd())));
        if (!report.byModel().isEmpty()) {
            out.append("\n").append(report.byModel().stream()
                    .map(line -> "%s: $%s (%d calls)".formatted(line.key(), money(line.costUsd()), line.calls()))
                    .collect(Collectors.joining("\n")));
        }
        for (CostReport.ChannelLine line : report.byChannel()) {
            out.append("\n%s %s: $%s (%d messages, %d segments%s)".formatted(line.channel().toUpperCase(Locale.ROOT),
                    line.direction() == ChannelCharge.Direction.INBOUND ? "received" : "sent", money(line.costUsd()),
                    line.messages(), line.segments(), line.estimatedMessages() == 0 ? ""
                            : ", " + line.estimatedMessages() + " at the configured price per segment"));
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

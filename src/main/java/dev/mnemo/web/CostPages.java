package dev.mnemo.web;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.CostReport;
import dev.mnemo.security.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /costs}: a month against the budget, spend per day (a chart, and the same figures as a table), by model
 * and by route, cache savings and calls of unknown cost; {@code /costs/month.csv} the same as CSV. Months are UTC,
 * as the ledger's.
 */
@Controller
class CostPages {
    private final CostLedger ledger;
    private final Clock clock;

    CostPages(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/costs")
    String costs(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String month, Model model) {
        String user = caller.user(null);
        YearMonth which = month(month);
        CostReport report = ledger.report(user, which);
        List<CostLedger.DailySpend> days = ledger.daily(user, which);
        model.addAttribute("report", report);
        model.addAttribute("days", days);
        model.addAttribute("month", which.toString());
        model.addAttribute("previous", which.getYear() > 2000 || which.getMonthValue() > 1 ? which.minusMonths(1).toString() : null);
        model.addAttribute("next", which.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC))) ? which.plusMonths(1).toString() : null);
        model.addAttribute("usedPercent", report.budgetUsd().signum() == 0 ? 0
                : report.totalUsd().multiply(BigDecimal.valueOf(100)).divide(report.budgetUsd(), 0, RoundingMode.HALF_UP).intValue());
        model.addAttribute("chart", chartData(which, days));
        return "costs";
    }

    @GetMapping("/costs/month.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String month) {
        String user = caller.user(null);
        YearMonth which = month(month);
        CostReport report = ledger.report(user, which);
        StringBuilder csv = new StringBuilder("section,key,calls,input_tokens,output_tokens,cache_read_tokens,"
                + "cache_write_tokens,cost_usd,cache_savings_usd,unpriced_calls\r\n");
        for (CostLedger.DailySpend day : ledger.daily(user, which)) {
            csv.append("day,").append(day.day()).append(',').append(day.calls()).append(",,,,,")
                    .append(day.costUsd().toPlainString()).append(",,").append(day.unpricedCalls()).append("\r\n");
        }
        lines(csv, "model", report.byModel());
        lines(csv, "route", report.byRoute());
        for (CostReport.ChannelLine line : report.byChannel()) {
            // a channel's messages in "calls"; the total's cost includes them
            csv.append("channel,").append(line.channel()).append('-').append(line.direction().name().toLowerCase(Locale.ROOT))
                    .append(',').append(line.messages()).append(",,,,,")
                    .append(line.costUsd().toPlainString()).append(",,").append("\r\n");
        }
        csv.append("total,").append(which).append(',').append(report.calls()).append(",,,,,")
                .append(report.totalUsd().toPlainString()).append(',').append(report.cacheSavingsUsd().toPlainString())
                .append(',').append(report.unpricedCalls()).append("\r\n");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mnemo-costs-" + which + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void lines(StringBuilder csv, String section, List<CostReport.Line> lines) {
        for (CostReport.Line line : lines) {
            csv.append(section).append(',').append(cell(line.key())).append(',').append(line.calls()).append(',')
                    .append(line.inputTokens()).append(',').append(line.outputTokens()).append(',')
                    .append(line.cacheReadTokens()).append(',').append(line.cacheWriteTokens()).append(',')
                    .append(line.costUsd().toPlainString()).append(',').append(line.cacheSavingsUsd().toPlainString())
                    .append(',').append(line.unpricedCalls()).append("\r\n");
        }
    }

    /** A CSV cell that a spreadsheet neither splits nor runs as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** {@code {"days":[1,2,…],"usd":[0.01,…]}}: every day of the month, zero where nothing was spent. */
    private static String chartData(YearMonth month, List<CostLedger.DailySpend> spent) {
        BigDecimal[] byDay = new BigDecimal[month.lengthOfMonth()];
        spent.forEach(day -> byDay[day.day().getDayOfMonth() - 1] = day.costUsd());
        StringBuilder days = new StringBuilder();
        StringBuilder usd = new StringBuilder();
        for (int i = 0; i < byDay.length; i++) {
            days.append(i == 0 ? "" : ",").append(i + 1);
            usd.append(i == 0 ? "" : ",").append(byDay[i] == null ? "0" : byDay[i].toPlainString());
        }
        return "{\"month\":\"" + month + "\",\"days\":[" + days + "],\"usd\":[" + usd + "]}";
    }

    private YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 2000 || month.getYear() > 9999) {
                throw new IllegalArgumentException("month must be between 2000-01 and 9999-12");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month must look like 2026-12");
        }
    }
}

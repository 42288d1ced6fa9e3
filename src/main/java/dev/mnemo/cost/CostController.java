package dev.mnemo.cost;

import dev.mnemo.security.Caller;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/costs[?userId=][&month=YYYY-MM]}: a person's spending for one month (default: this one, UTC). */
@RestController
class CostController {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private final CostLedger ledger;
    private final Clock clock;

    CostController(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/api/v1/costs")
    CostReport costs(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String userId,
                     @RequestParam(required = false) String month) {
        String user = caller.user(userId);
        if (month != null && !month.matches("\\d{4}-\\d{2}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM");
        }
        YearMonth which;
        try {
            which = month == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : YearMonth.parse(month, MONTH);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM");
        }
        return ledger.report(user, which);
    }
}

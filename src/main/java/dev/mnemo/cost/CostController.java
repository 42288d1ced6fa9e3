package dev.mnemo.cost;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class CostController {
    private final CostLedger ledger;
    private final Clock clock;

    CostController(CostLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/api/v1/costs")
    CostReport costs(@RequestParam @NotBlank String userId,
                     @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}") String month) {
        YearMonth which;
        try {
            which = month == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must be YYYY-MM");
        }
        return ledger.report(userId.trim(), which);
    }
}

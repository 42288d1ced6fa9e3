package dev.mnemo.cost;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Budget and price table.
 *
 * @param monthlyBudgetUsd per user; alerts at 50/80/100 %, past 100 % everything goes to the cheap model
 * @param prices           USD per million tokens by model name
 * @param extraPrices      {@code ASSISTANT_PRICES}: {@code model=input/output[/cacheRead/cacheWrite],…}, added to
 *                         or replacing entries of {@code prices}
 * @param smsSegmentUsd    {@code ASSISTANT_SMS_SEGMENT_PRICE_USD}: what one SMS segment costs, received or sent, when
 *                         Twilio reports no price for it (its US long-code rate; carrier fees are not included)
 */
@ConfigurationProperties("assistant.cost")
record CostProperties(BigDecimal monthlyBudgetUsd, Map<String, Price> prices, String extraPrices, BigDecimal smsSegmentUsd) {

    /** USD per million tokens; cache prices default to 0.1× and 1.25× the input price. */
    record Price(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
    }

    CostProperties {
        if (monthlyBudgetUsd == null || monthlyBudgetUsd.signum() <= 0) {
            throw new IllegalArgumentException("ASSISTANT_MONTHLY_BUDGET_USD must be a positive amount");
        }
        prices = prices == null ? Map.of() : prices;
        if (smsSegmentUsd == null || smsSegmentUsd.signum() < 0) {
            throw new IllegalArgumentException("ASSISTANT_SMS_SEGMENT_PRICE_USD must be an amount of zero or more");
        }
    }
}

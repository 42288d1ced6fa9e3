package dev.mnemo.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user's spending in one month. {@code unpricedCalls} counts calls whose model had no price: their cost is
 * unknown and not in {@code totalUsd}. {@code cacheSavingsUsd} is what prompt caching saved against sending the
 * cached tokens as plain input (cache reads save, cache writes cost extra).
 */
public record CostReport(String userId, String month, BigDecimal totalUsd, BigDecimal cacheSavingsUsd,
                         BigDecimal budgetUsd, long calls, long unpricedCalls, List<Line> byModel, List<Line> byRoute) {

    /** One group's totals; {@code costUsd} covers its priced calls. */
    public record Line(String key, long calls, long inputTokens, long outputTokens, long cacheReadTokens,
                       long cacheWriteTokens, BigDecimal costUsd, BigDecimal cacheSavingsUsd, long unpricedCalls) {
    }
}

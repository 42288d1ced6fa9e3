package dev.mnemo.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user's spending in one month: models and messaging (SMS segments), each on its own and together in
 * {@code totalUsd}, which the budget covers. {@code unpricedCalls} counts model calls whose model had no price:
 * their cost is unknown and not in the totals. {@code cacheSavingsUsd} is what prompt caching saved against sending
 * the cached tokens as plain input (cache reads save, cache writes cost extra).
 */
public record CostReport(String userId, String month, BigDecimal totalUsd, BigDecimal cacheSavingsUsd,
                         BigDecimal budgetUsd, long calls, long unpricedCalls, List<Line> byModel, List<Line> byRoute,
                         BigDecimal modelsUsd, BigDecimal messagingUsd, List<ChannelLine> byChannel) {

    /** One group's totals; {@code costUsd} covers its priced calls. */
    public record Line(String key, long calls, long inputTokens, long outputTokens, long cacheReadTokens,
                       long cacheWriteTokens, BigDecimal costUsd, BigDecimal cacheSavingsUsd, long unpricedCalls) {
    }

    /**
     * Messages of one channel and direction; {@code estimatedMessages} of them are priced at the configured rate
     * per segment because the provider reported no price (yet).
     */
    public record ChannelLine(String channel, ChannelCharge.Direction direction, long messages, long segments,
                              BigDecimal costUsd, long estimatedMessages) {
    }
}

package dev.mnemo.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Prices per model from configuration, turning token counts into nano-USD. */
@Component
class PriceTable {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal NANOS_PER_USD = BigDecimal.valueOf(1_000_000_000);
    private static final BigDecimal CACHE_READ_FACTOR = new BigDecimal("0.1");
    private static final BigDecimal CACHE_WRITE_FACTOR = new BigDecimal("1.25");

    private final Map<String, CostProperties.Price> prices;

    PriceTable(CostProperties properties) {
        Map<String, CostProperties.Price> all = new HashMap<>(properties.prices());
        all.putAll(parse(properties.extraPrices()));
        all.replaceAll((model, price) -> complete(model, price));
        this.prices = Map.copyOf(all);
    }

    /** The call's cost in nano-USD, empty when the model has no price. */
    Optional<Long> costNanos(String model, TokenUsage usage) {
        CostProperties.Price price = prices.get(model);
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal usdTimesMillion = price.input().multiply(BigDecimal.valueOf(usage.input()))
                .add(price.output().multiply(BigDecimal.valueOf(usage.output())))
                .add(price.cacheRead().multiply(BigDecimal.valueOf(usage.cacheRead())))
                .add(price.cacheWrite().multiply(BigDecimal.valueOf(usage.cacheWrite())));
        return Optional.of(usdTimesMillion.multiply(NANOS_PER_USD).divide(MILLION, 0, RoundingMode.HALF_UP)
                .longValueExact());
    }

    /**
     * What prompt caching saved on these cached tokens, in nano-USD: reads cost less than input, writes cost more;
     * negative when writes were never read back. Zero for an unpriced model.
     */
    long cacheSavingsNanos(String model, long cacheReadTokens, long cacheWriteTokens) {
        CostProperties.Price price = prices.get(model);
        if (price == null) {
            return 0;
        }
        BigDecimal usdTimesMillion = price.input().subtract(price.cacheRead()).multiply(BigDecimal.valueOf(cacheReadTokens))
                .subtract(price.cacheWrite().subtract(price.input()).multiply(BigDecimal.valueOf(cacheWriteTokens)));
        return usdTimesMillion.multiply(NANOS_PER_USD).divide(MILLION, 0, RoundingMode.HALF_UP).longValueExact();
    }

    static BigDecimal usd(long nanos) {
        return BigDecimal.valueOf(nanos).divide(NANOS_PER_USD).stripTrailingZeros();
    }

    /** USD in nano-USD, rounded half up. */
    static long nanos(BigDecimal usd) {
        return usd.multiply(NANOS_PER_USD).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static CostProperties.Price complete(String model, CostProperties.Price price) {
        if (price.input() == null || price.output() == null) {
            throw new IllegalArgumentException("price of model '" + model + "' needs both input and output");
        }
        BigDecimal cacheRead = price.cacheRead() != null ? price.cacheRead() : price.input().multiply(CACHE_READ_FACTOR);
        BigDecimal cacheWrite = price.cacheWrite() != null ? price.cacheWrite() : price.input().multiply(CACHE_WRITE_FACTOR);
        for (BigDecimal p : new BigDecimal[] {price.input(), price.output(), cacheRead, cacheWrite}) {
            if (p.signum() < 0) {
                throw new IllegalArgumentException("price of model '" + model + "' cannot be negative");
            }
        }
        return new CostProperties.Price(price.input(), price.output(), cacheRead, cacheWrite);
    }

    /** {@code model=input/output[/cacheRead/cacheWrite]} entries separated by commas. */
    static Map<String, CostProperties.Price> parse(String spec) {
        Map<String, CostProperties.Price> parsed = new HashMap<>();
        if (spec == null || spec.isBlank()) {
            return parsed;
        }
        for (String entry : spec.split(",")) {
            String[] modelAndPrices = entry.trim().split("=", 2);
            String[] numbers = modelAndPrices.length == 2 ? modelAndPrices[1].trim().split("/") : new String[0];
            if (modelAndPrices[0].isBlank() || numbers.length != 2 && numbers.length != 4) {
                throw new IllegalArgumentException("ASSISTANT_PRICES entry '" + entry.trim()
                        + "' is not model=input/output[/cacheRead/cacheWrite] (USD per million tokens)");
            }
            try {
                parsed.put(modelAndPrices[0].trim(), new CostProperties.Price(
                        new BigDecimal(numbers[0].trim()), new BigDecimal(numbers[1].trim()),
                        numbers.length == 4 ? new BigDecimal(numbers[2].trim()) : null,
                        numbers.length == 4 ? new BigDecimal(numbers[3].trim()) : null));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ASSISTANT_PRICES entry '" + entry.trim() + "' has a price that is not a number");
            }
        }
        return parsed;
    }
}

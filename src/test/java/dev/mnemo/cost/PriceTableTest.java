package dev.mnemo.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final Map<String, CostProperties.Price> DEFAULTS = Map.of(
            "claude-haiku-4-5", new CostProperties.Price(new BigDecimal("1"), new BigDecimal("5"), null, null));

    @Test
    void cachePricesDefaultToATenthAndFiveQuartersOfTheInputPrice() {
        PriceTable table = new PriceTable(new CostProperties(BigDecimal.TWO, DEFAULTS, null, BigDecimal.ZERO));

        assertThat(table.costNanos("claude-haiku-4-5", new TokenUsage(0, 0, 1_000_000, 0))).contains(100_000_000L);
        assertThat(table.costNanos("claude-haiku-4-5", new TokenUsage(0, 0, 0, 1_000_000))).contains(1_250_000_000L);
        assertThat(table.costNanos("unknown", new TokenUsage(1, 1, 0, 0))).isEmpty();
    }

    @Test
    void assistantPricesAddsAndOverridesModels() {
        PriceTable table = new PriceTable(new CostProperties(BigDecimal.TWO, DEFAULTS,
                "llama3.2:3b=0/0, claude-haiku-4-5=2/10/0.5/3", BigDecimal.ZERO));

        assertThat(table.costNanos("llama3.2:3b", new TokenUsage(5000, 5000, 0, 0))).contains(0L);
        assertThat(table.costNanos("claude-haiku-4-5", new TokenUsage(1_000_000, 1_000_000, 1_000_000, 1_000_000)))
                .contains(15_500_000_000L);
    }

    @Test
    void fractionsOfANanoDollarRoundHalfUp() {
        PriceTable table = new PriceTable(new CostProperties(BigDecimal.TWO, Map.of(), "tiny=0.0000375/0", BigDecimal.ZERO));

        assertThat(table.costNanos("tiny", new TokenUsage(1, 0, 0, 0))).contains(0L);   // 0.0375 nano
        assertThat(table.costNanos("tiny", new TokenUsage(20, 0, 0, 0))).contains(1L);  // 0.75 nano
        assertThat(PriceTable.usd(1_500_000)).isEqualByComparingTo("0.0015");
    }

    @Test
    void malformedPriceEntriesFailAtStartWithAClearMessage() {
        assertThatThrownBy(() -> new PriceTable(new CostProperties(BigDecimal.TWO, Map.of(), "gpt-4o=2.5", BigDecimal.ZERO)))
                .hasMessageContaining("'gpt-4o=2.5' is not model=input/output");
        assertThatThrownBy(() -> new PriceTable(new CostProperties(BigDecimal.TWO, Map.of(), "gpt-4o=abc/1", BigDecimal.ZERO)))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> new PriceTable(new CostProperties(BigDecimal.TWO, Map.of(), "gpt-4o=-1/1", BigDecimal.ZERO)))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new CostProperties(BigDecimal.ZERO, Map.of(), null, BigDecimal.ZERO))
                .hasMessageContaining("ASSISTANT_MONTHLY_BUDGET_USD");
    }
}

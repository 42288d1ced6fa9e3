/**
 * What every model call cost, priced from configuration, in exact nano-dollars, with the monthly budget and its
 * alerts. Its API is {@link dev.mnemo.cost.CostLedger} with {@link dev.mnemo.cost.ModelCall}, {@link
 * dev.mnemo.cost.TokenUsage} and {@link dev.mnemo.cost.CostReport}.
 */
package dev.mnemo.cost;

package dev.mnemo.agent;

import dev.mnemo.llm.ModelTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param simpleMaxTokens      cap on a simple reply (the prompt asks for one to three sentences; this only stops runaways)
 * @param simpleHistoryTurns   earlier messages a simple reply sees, at most: small talk and quick answers need the
 *                             last exchange or two, not the whole recent conversation (a cost trade-off: BENCHMARKS.md)
 * @param toolTier             the model tier of the tool agent ({@code ASSISTANT_TOOL_TIER}: cheap or smart)
 * @param toolMaxSteps         tool rounds per message before the agent stops and reports what it did
 * @param smartFor             which complex requests the smart model answers ({@code ASSISTANT_SMART_FOR}): {@code work}
 *                             (writing, multi-step plans, code; advice and explanations get the cheap model) or
 *                             {@code all-complex}
 * @param textMessageChars     an SMS reply's length: two concatenated GSM-7 segments are 306 characters
 * @param textMessageMoreChars an SMS reply's length when the person asks for more (ten segments)
 */
@ConfigurationProperties("assistant.agents")
record AgentProperties(int simpleMaxTokens, int simpleHistoryTurns, ModelTier toolTier, int toolMaxSteps,
                       SmartFor smartFor, int textMessageChars, int textMessageMoreChars) {

    /** Which complex requests go to the smart model. */
    enum SmartFor { WORK, ALL_COMPLEX }

    AgentProperties {
        if (simpleMaxTokens < 16 || simpleHistoryTurns < 0 || toolMaxSteps < 1 || toolTier == ModelTier.JUDGE
                || smartFor == null || textMessageChars < 70 || textMessageMoreChars < textMessageChars) {
            throw new IllegalArgumentException("assistant.agents: simple-max-tokens >= 16, simple-history-turns >= 0, "
                    + "tool-max-steps >= 1, tool-tier cheap or smart, smart-for work or all-complex (ASSISTANT_SMART_FOR), "
                    + "text-message-chars >= 70 and text-message-more-chars at least as many");
        }
    }
}

package dev.mnemo.conversation;

import dev.mnemo.routing.Route;
import java.math.BigDecimal;

/**
 * Mnemo's answer to one inbound message.
 *
 * @param messageId the stored inbound message's id
 * @param model     the model that wrote the reply; null for commands and for notices sent without a model
 * @param costUsd   what the reply's model calls cost; zero without a model, null when the model has no price
 */
public record Reply(String messageId, String text, Route route, String model, BigDecimal costUsd) {
}

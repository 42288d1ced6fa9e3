/**
 * The loop every message goes through: stored first, then routed, answered by an agent and stored again; slash
 * commands; late answers for what could not be answered in time. Its API is {@link
 * dev.mnemo.conversation.Conversation} with {@link dev.mnemo.conversation.InboundMessage}, {@link
 * dev.mnemo.conversation.Reply}, {@link dev.mnemo.conversation.Channel}, the {@link
 * dev.mnemo.conversation.ChannelReach} port the channels implement, and the {@link
 * dev.mnemo.conversation.MessageAnsweredLate} and {@link dev.mnemo.conversation.MessageAnswered} events.
 */
package dev.mnemo.conversation;

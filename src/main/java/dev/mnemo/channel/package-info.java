/**
 * The ways in and out: every message Mnemo sends goes through {@link dev.mnemo.channel.ReplySender} (recorded in
 * deliveries); channel adapters implement {@link dev.mnemo.channel.ChannelGateway}; {@link
 * dev.mnemo.channel.AllowedSenders} says who may write on SMS and Discord. Every message in goes through {@code
 * internal.InboundPipeline}. The SMS (Twilio), Discord and web adapters live in {@code sms}, {@code discord} and
 * {@code web}; the pipeline and the stores in {@code internal}.
 */
package dev.mnemo.channel;

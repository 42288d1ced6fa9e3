package dev.mnemo.channel;

/** Why Mnemo sends a message: it answers, or it speaks first. */
public enum MessageKind { REPLY, REMINDER, CHECK_IN }

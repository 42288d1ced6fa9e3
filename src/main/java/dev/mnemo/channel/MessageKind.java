package dev.mnemo.channel;

/** Why Mnemo sends a message: it answers, or it speaks first (a reminder, a check-in, a notice such as a vault conflict). */
public enum MessageKind { REPLY, REMINDER, CHECK_IN, NOTICE }

package dev.mnemo.conversation;

/** Which channels can carry a message Mnemo starts to a person; the channels implement it. */
public interface ChannelReach {

    /** Why a channel cannot reach a person; {@link #REACHABLE} when it can. */
    enum Answer { REACHABLE, NOT_CONFIGURED, UNKNOWN_PERSON, OPTED_OUT }

    /** The web inbox reaches everyone; SMS and Discord only when configured and the person has an allowed address there. */
    Answer reach(String userId, Channel channel);
}

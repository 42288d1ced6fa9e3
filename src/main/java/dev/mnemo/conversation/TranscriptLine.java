package dev.mnemo.conversation;

import java.time.Instant;

/**
 * One message of the stored conversation as a person reads it back: theirs or Mnemo's, on which channel, when.
 *
 * @param id ordered as the messages were stored: a later message has a greater id
 */
public record TranscriptLine(String id, boolean fromPerson, Channel channel, String text, Instant at) {
}

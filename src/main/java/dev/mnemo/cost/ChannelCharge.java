package dev.mnemo.cost;

import java.math.BigDecimal;

/**
 * One message a channel's provider bills the person's installation for (Twilio: every SMS segment, received or
 * sent), apart from model calls.
 *
 * @param channel     the channel's id ({@code sms})
 * @param externalId  the provider's id of the message (Twilio's SID): a charge is recorded once per id and direction
 * @param segments    the billed units (SMS segments)
 * @param reportedUsd the price the provider reported for it (Twilio reports a charge as negative: its size counts);
 *                    null when it reported none, and then the configured price per segment stands in
 */
public record ChannelCharge(String userId, String channel, Direction direction, String externalId, int segments,
                            BigDecimal reportedUsd) {

    /** Which way the message went. */
    public enum Direction { INBOUND, OUTBOUND }

    public ChannelCharge {
        if (segments < 1) {
            segments = 1;
        }
    }
}

package dev.mnemo.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): unique across instances, and within this process
 * strictly increasing, so their text order is creation order even within one millisecond or under a
 * stopped test clock.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int sequence;

    private Ids() {
    }

    public static String newId(Clock clock) {
        long millis;
        int seq;
        synchronized (Ids.class) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                if (++sequence > 0xFFF) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = RANDOM.nextInt(0x800);
            }
            lastMillis = millis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}

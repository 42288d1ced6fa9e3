package dev.mnemo.system;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): unique across instances, and within this process
 * strictly increasing, so their text order is creation order even within one millisecond or under a
 * stopped test clock.
 */
public final class Ids {
    /** What every id looks like: a lower-case UUID. For checking an id from outside before it is looked up. */
    public static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern ID = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static int sequence;

    private Ids() {
    }

    /** Whether the text has an id's shape (null is not). */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
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

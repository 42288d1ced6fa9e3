package dev.mnemo.channel;

import dev.mnemo.conversation.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may talk to Mnemo on SMS and Discord, and as whom: {@code ASSISTANT_ALLOWED_SENDERS}, comma-separated
 * {@code channel:address=userId} (e.g. {@code sms:+15557654321=alice,discord:81234567890=alice}). A sender not
 * listed gets no reply and costs nothing. Checked at start: a malformed entry stops the application.
 */
@Component
public class AllowedSenders {
    private final Map<String, String> userByAddress = new LinkedHashMap<>();

    AllowedSenders(@Value("${assistant.channels.allowed-senders}") String spec) {
        if (spec == null || spec.isBlank()) {
            return;
        }
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            int equals = e.lastIndexOf('=');
            if (colon <= 0 || equals <= colon + 1 || equals == e.length() - 1) {
                throw new IllegalArgumentException("ASSISTANT_ALLOWED_SENDERS entry '" + e + "' is not channel:address=userId");
            }
            Channel channel = channel(e.substring(0, colon));
            String address = e.substring(colon + 1, equals).strip();
            // Twilio sends E.164 ("+15557654321"), Discord numeric ids: anything else would never match, silently.
            if (channel == Channel.SMS && !address.matches("\\+[1-9]\\d{6,14}")) {
                throw new IllegalArgumentException("ASSISTANT_ALLOWED_SENDERS: '" + address + "' is not an E.164 phone number like +15557654321");
            }
            if (channel == Channel.DISCORD && !address.matches("\\d{5,25}")) {
                throw new IllegalArgumentException("ASSISTANT_ALLOWED_SENDERS: '" + address + "' is not a Discord user id (digits)");
            }
            userByAddress.put(key(channel, address), e.substring(equals + 1).strip());
        }
    }

    private static Channel channel(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "sms" -> Channel.SMS;
            case "discord" -> Channel.DISCORD;
            default -> throw new IllegalArgumentException("ASSISTANT_ALLOWED_SENDERS: unknown channel '" + name + "' (sms or discord)");
        };
    }

    /** The user this sender is, when allowed. */
    public Optional<String> userFor(Channel channel, String address) {
        return Optional.ofNullable(userByAddress.get(key(channel, address)));
    }

    /** The person's address on this channel, when they have one. */
    public Optional<String> addressOf(String userId, Channel channel) {
        String prefix = channel.id() + ":";
        return userByAddress.entrySet().stream()
                .filter(e -> e.getValue().equals(userId) && e.getKey().startsWith(prefix))
                .map(e -> e.getKey().substring(prefix.length())).findFirst();
    }

    /** Everyone allowed on some channel. */
    public List<String> users() {
        return userByAddress.values().stream().distinct().toList();
    }

    private static String key(Channel channel, String address) {
        return channel.id() + ":" + address.strip();
    }
}

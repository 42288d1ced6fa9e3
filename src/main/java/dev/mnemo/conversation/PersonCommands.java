package dev.mnemo.conversation;

import dev.mnemo.user.UserSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code /timezone}, {@code /channel} and {@code /name}: the person's own settings. */
@Component
class PersonCommands {
    private final UserSettings settings;
    private final ChannelReach reach;
    private final Clock clock;

    PersonCommands(UserSettings settings, ChannelReach reach, Clock clock) {
        this.settings = settings;
        this.reach = reach;
        this.clock = clock;
    }

    String timeZone(String userId, String argument) {
        if (argument.isEmpty()) {
            return "Your time zone is " + settings.timeZone(userId).getId() + ". Change it with /timezone <zone>, e.g. /timezone America/Sao_Paulo.";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(argument);
        } catch (DateTimeException e) {
            return "I don't know the time zone '" + argument + "'. Use a name like Europe/Lisbon or America/New_York.";
        }
        settings.setTimeZone(userId, zone);
        return "Your time zone is now " + zone.getId() + ": it's " + ChatCommands.WHEN.format(clock.instant().atZone(zone)) + " there.";
    }

    String preferredChannel(String userId, String argument) {
        String wanted = argument.toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return "Reminders and check-ins reach you " + settings.preferredChannel(userId).map(c -> "on " + c)
                    .orElse("where you last wrote from") + ". Change it with /channel sms, discord, web or auto.";
        }
        if (wanted.equals("auto")) {
            settings.setPreferredChannel(userId, null);
            return "Reminders and check-ins will reach you where you last wrote from.";
        }
        Optional<Channel> channel = Channel.byId(wanted).filter(List.of(Channel.SMS, Channel.DISCORD, Channel.WEB)::contains);
        if (channel.isEmpty()) {
            return "I can reach you on sms, discord or web (the inbox of the API and terminal chat), or auto.";
        }
        String still = settings.preferredChannel(userId).map(c -> " You're still reached on " + c + ".")
                .orElse(" You're still reached where you last wrote from.");
        String refusal = switch (reach.reach(userId, channel.get())) {
            case REACHABLE -> null;
            case NOT_CONFIGURED -> wanted + " is not set up on this Mnemo, so nothing could reach you there"
                    + " (README: Channels)." + still;
            case UNKNOWN_PERSON -> "I have no " + wanted + " address for you (ASSISTANT_ALLOWED_SENDERS), so nothing"
                    + " could reach you there." + still;
            case OPTED_OUT -> "You opted out of " + wanted + " (text START there to opt back in), so nothing could"
                    + " reach you there." + still;
        };
        if (refusal != null) {
            return refusal;
        }
        settings.setPreferredChannel(userId, wanted);
        return "Reminders and check-ins will reach you on " + wanted + ".";
    }

    String displayName(String userId, String argument) {
        if (argument.isEmpty()) {
            return "I call you " + settings.displayName(userId) + ". Change it with /name <name>, e.g. /name Priya.";
        }
        try {
            settings.setDisplayName(userId, argument);
        } catch (IllegalArgumentException e) {
            return "I can't use that name: " + e.getMessage() + ".";
        }
        return "I'll call you " + settings.displayName(userId) + ".";
    }
}

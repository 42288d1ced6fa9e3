package dev.mnemo.conversation;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Slash commands: the same on every channel, answered without any model call. */
@Component
class ChatCommands {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final MemoryCommands memories;
    private final ReminderCommands reminders;
    private final PersonCommands person;
    private final CostCommand cost;
    private final VaultCommand vault;

    ChatCommands(MemoryCommands memories, ReminderCommands reminders, PersonCommands person, CostCommand cost,
                 VaultCommand vault) {
        this.memories = memories;
        this.reminders = reminders;
        this.person = person;
        this.cost = cost;
        this.vault = vault;
    }

    String run(String userId, String messageId, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return switch (name) {
            case "/help", "/start" -> help();
            case "/cost" -> cost.cost(userId);
            case "/remember" -> memories.remember(userId, messageId, argument);
            case "/search" -> memories.search(userId, argument);
            case "/memories" -> memories.memories(userId);
            case "/forget" -> memories.forget(userId, argument);
            case "/remind" -> reminders.remind(userId, messageId, argument);
            case "/reminders" -> reminders.reminders(userId);
            case "/timezone" -> person.timeZone(userId, argument);
            case "/channel" -> person.preferredChannel(userId, argument);
            case "/name" -> person.displayName(userId, argument);
            case "/vault" -> vault.vault(userId, argument);
            default -> "I don't know the command " + parts[0] + ". " + help();
        };
    }

    private static String help() {
        return """
                Commands:
                /remember <text> - keep this in long-term memory
                /search <topic> - what I remember about a topic
                /memories - the latest things I remember
                /forget <words or id> - delete memories (I show them and ask first)
                /remind <when> <what> - e.g. /remind tomorrow 9am call the dentist
                /reminders - your pending reminders (or ask me in words to set, move or cancel one)
                /timezone [zone] - show or set your time zone, e.g. /timezone Europe/Lisbon
                /channel [sms|discord|web|auto] - where reminders and check-ins reach you
                /name [name] - show or set what I call you, e.g. /name Priya
                /cost - what this month has cost so far
                /vault [sync] - the Obsidian vault's state, or sync it now
                /help - this list
                Anything else you write goes to the assistant.""";
    }
}

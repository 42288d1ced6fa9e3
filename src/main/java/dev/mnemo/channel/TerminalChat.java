package dev.mnemo.channel;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.conversation.MessageTooLongException;
import dev.mnemo.conversation.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The terminal chat: the same conversation loop as every channel, one line per message. */
@Component
public class TerminalChat {
    static final String DEFAULT_USER = "owner";

    private final Conversation conversation;
    private final Deliveries deliveries;

    TerminalChat(Conversation conversation, Deliveries deliveries) {
        this.conversation = conversation;
        this.deliveries = deliveries;
    }

    /** The user from {@code [--user ID]}, the default when absent, or null when the arguments are wrong. */
    public static String userFrom(String[] args) {
        if (args.length == 0) {
            return DEFAULT_USER;
        }
        if (args.length == 2 && "--user".equals(args[0]) && !args[1].isBlank()) {
            return args[1].strip();
        }
        return null;
    }

    /** Chats until end of input or {@code /quit}; returns the exit status. */
    public int run(String userId, InputStream input, PrintStream out) {
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        out.println("Mnemo: chatting as '" + userId + "'. /help lists commands, /quit or Ctrl-D ends.");
        try {
            while (true) {
                // Reminders and check-ins that reached nobody elsewhere wait in the inbox.
                deliveries.collectInbox(userId).forEach(text -> out.println("mnemo> " + text.replace("\n", "\n       ")));
                out.print("you> ");
                out.flush();
                String line = in.readLine();
                if (line == null || line.strip().equalsIgnoreCase("/quit") || line.strip().equalsIgnoreCase("/exit")) {
                    out.println();
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Reply reply = conversation.handle(new InboundMessage(userId, Channel.CLI, line));
                    out.println("mnemo> " + reply.text().replace("\n", "\n       "));
                } catch (MessageTooLongException e) {
                    out.println("mnemo> That message is too long: " + e.getMessage() + ".");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
